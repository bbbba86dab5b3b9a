import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderStory, settled, storiesIn, storyModules as modules } from './helpers/stories.js';

/**
 * Every story of every element renders — loaders run, args applied, inside the same frame the Storybook
 * decorator uses — without console errors, without "undefined"/"NaN"/"[object Object]" on screen, and with
 * no axe violations. A story may list console errors it expects in `parameters.expectedConsoleErrors`.
 */

/** Text on screen, shadow roots included. */
function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
  node.childNodes.forEach((child) => (text += deepText(child)));
  return text;
}

describe('every story', () => {
  let errors: string[] = [];
  const originalError = console.error;

  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      originalError.apply(console, args);
    };
  });
  afterEach(() => {
    console.error = originalError;
  });

  it('has stories to check', () => {
    expect(modules.length).to.be.greaterThan(0);
  });

  for (const [file, load] of modules) {
    describe(file, () => {
      it('renders every story cleanly and accessibly', async () => {
        const module = await load();
        const meta = module.default;
        const stories = storiesIn(module);
        expect(stories.length, `${file} exports stories`).to.be.greaterThan(0);
        for (const [name, story] of stories) {
          errors = [];
          expect(story.render ?? meta.render, `${name} has a render function`).to.be.a('function');
          const container = document.createElement('div');
          document.body.append(container);
          try {
            await renderStory(meta, story, container, {
              themeColor: '#0f766e',
              locale: 'en-US',
              colorScheme: 'light',
            });
            await settled(container);
            const text = deepText(container);
            expect(text, `${name}: nothing undefined on screen`).not.to.match(
              /\bundefined\b|\bNaN\b|\[object Object\]/,
            );
            const expected =
              story.parameters?.expectedConsoleErrors ?? meta.parameters?.expectedConsoleErrors ?? [];
            const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
            expect(unexpected, `${name}: console errors`).to.deep.equal([]);
            await expect(container, `${name}: axe`).to.be.accessible();
          } finally {
            render(null, container);
            container.remove();
          }
        }
      });
    });
  }
});

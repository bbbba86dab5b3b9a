import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { storyFrame } from '../stories/support/frame.js';

/**
 * Every story of every element renders — loaders run, args applied, inside the same frame the Storybook
 * decorator uses — without console errors, without "undefined"/"NaN"/"[object Object]" on screen, and with
 * no axe violations. A story may list console errors it expects in `parameters.expectedConsoleErrors`.
 */
interface StoryLike {
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: Record<string, unknown>) => unknown;
  loaders?: ((context: unknown) => unknown)[];
  parameters?: { expectedConsoleErrors?: RegExp[]; settle?: 'never' };
}
type StoryModule = { default: StoryLike & { title: string } } & Record<string, unknown>;

// @ts-expect-error served by the story-index plugin in web-test-runner.config.mjs
import storyIndex from '/__story-index.js';

const modules = storyIndex as [string, () => Promise<StoryModule>][];

/** Text on screen, shadow roots included. */
function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
  node.childNodes.forEach((child) => (text += deepText(child)));
  return text;
}

function deepMarkup(node: Element | ShadowRoot): string {
  let markup = node instanceof Element ? node.outerHTML : node.innerHTML;
  node.querySelectorAll('*').forEach((child) => {
    if (child.shadowRoot) markup += deepMarkup(child.shadowRoot);
  });
  return markup;
}

/** Waits until what is on screen stops changing (data arrived), or gives up after `limitMs`. */
async function settled(container: Element, limitMs = 3000): Promise<void> {
  const started = performance.now();
  let previous = '';
  let stableFor = 0;
  while (performance.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    const current = deepMarkup(container);
    stableFor = current === previous ? stableFor + 1 : 0;
    if (stableFor >= 3) return;
    previous = current;
  }
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
        const stories = Object.entries(module).filter(
          ([name, value]) =>
            name !== 'default' && name !== '__namedExportsOrder' && typeof value === 'object',
        ) as [string, StoryLike][];
        expect(stories.length, `${file} exports stories`).to.be.greaterThan(0);
        for (const [name, story] of stories) {
          errors = [];
          const args = { ...meta.args, ...story.args };
          const context: Record<string, unknown> = { args, globals: {}, loaded: {} };
          for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
            Object.assign(context.loaded as object, await loader(context));
          }
          const renderStory = story.render ?? meta.render;
          expect(renderStory, `${name} has a render function`).to.be.a('function');
          const container = document.createElement('div');
          document.body.append(container);
          try {
            render(
              storyFrame(renderStory!(args, context), {
                themeColor: '#0f766e',
                locale: 'en-US',
                colorScheme: 'light',
              }),
              container,
            );
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

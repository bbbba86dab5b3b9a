import { render } from 'lit';
import { storyFrame, type FrameOptions } from '../../stories/support/frame.js';

/** Loading and rendering stories outside Storybook, as its decorator would: for the stories tests. */
export interface StoryLike {
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: Record<string, unknown>) => unknown;
  loaders?: ((context: unknown) => unknown)[];
  parameters?: { expectedConsoleErrors?: RegExp[]; settle?: 'never' };
}
export type StoryModule = { default: StoryLike & { title: string } } & Record<string, unknown>;

// @ts-expect-error served by the story-index plugin in web-test-runner.config.mjs
import storyIndex from '/__story-index.js';

/** Every stories file, as [file name, lazy import]. */
export const storyModules = storyIndex as [string, () => Promise<StoryModule>][];

/** The stories a module exports, by name. */
export function storiesIn(module: StoryModule): [string, StoryLike][] {
  return Object.entries(module).filter(
    ([name, value]) => name !== 'default' && name !== '__namedExportsOrder' && typeof value === 'object',
  ) as [string, StoryLike][];
}

/** Runs the loaders and renders one story into `container`, inside the Storybook frame. */
export async function renderStory(
  meta: StoryLike,
  story: StoryLike,
  container: HTMLElement,
  frame: FrameOptions,
): Promise<void> {
  const args = { ...meta.args, ...story.args };
  const context: Record<string, unknown> = { args, globals: {}, loaded: {} };
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
    Object.assign(context.loaded as object, await loader(context));
  }
  const renderStory = story.render ?? meta.render;
  if (!renderStory) throw new Error('The story has no render function.');
  render(storyFrame(renderStory(args, context), frame), container);
}

function deepMarkup(node: Element | ShadowRoot): string {
  let markup = node instanceof Element ? node.outerHTML : node.innerHTML;
  node.querySelectorAll('*').forEach((child) => {
    if (child.shadowRoot) markup += deepMarkup(child.shadowRoot);
  });
  return markup;
}

/** Waits until what is on screen stops changing (data arrived), or gives up after `limitMs`. */
export async function settled(container: Element, limitMs = 3000): Promise<void> {
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

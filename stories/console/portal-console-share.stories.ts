import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/console/elements/portal-console-share/define.js';

const meta: Meta = {
  title: 'Console/portal-console-share',
  component: 'portal-console-share',
  render: () =>
    html`<portal-console-share
      portal-url="https://shop.example/account"
      script-url="https://shop.example/portal.js"
      api-url="https://shop.example/portal-api"
    ></portal-console-share>`,
};
export default meta;

type Story = StoryObj;

/** The link and the snippet, each with a Copy button (Share reads nothing, so it has no loading state). */
export const Content: Story = {};

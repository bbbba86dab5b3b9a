import { css } from 'lit';

/** One column: the task's title, its flow, and its actions; logical properties only (RTL). */
export const taskStyles = css`
  .task {
    display: grid;
    gap: var(--_space);
    max-inline-size: var(--portal-task-max-width, 48rem);
  }
  h2 {
    margin: 0;
  }
  [part='intro'],
  [part='notice'],
  [part='refusal'] {
    margin: 0;
  }
  a.button {
    text-decoration: none;
  }
`;

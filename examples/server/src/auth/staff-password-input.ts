import { StringDecoder } from 'node:string_decoder';

/** What the staff tool reads passwords from: the process's stdin, or a stand-in in tests. */
export interface PasswordSource {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  stderr: { write(text: string): unknown };
}

export type PasswordRead = { ok: true; password: string } | { ok: false; reason: string };

/**
 * A new password for the staff tool (admin/staff-cli.ts), never from its arguments (they end up in the
 * shell's history and in `ps`): at a terminal, typed twice without echo; otherwise the first line of
 * stdin, so that a script can pipe it in (`printf '%s\n' "$PASSWORD" | npm run staff -- add …`).
 */
export async function readPassword(source: PasswordSource, prompt: string): Promise<PasswordRead> {
  const { stdin } = source;
  if (stdin.isTTY && stdin.setRawMode) {
    const first = await typed(source, prompt);
    if (first === undefined) return { ok: false, reason: 'cancelled' };
    const again = await typed(source, 'Again, to confirm: ');
    if (again === undefined) return { ok: false, reason: 'cancelled' };
    if (first !== again) return { ok: false, reason: 'the two passwords typed differ; nothing changed' };
    return { ok: true, password: first };
  }
  const line = await firstLine(stdin);
  if (line === undefined) {
    return { ok: false, reason: 'no password on stdin (type it at a terminal, or pipe it in on one line)' };
  }
  return { ok: true, password: line };
}

/**
 * One line typed at the terminal in raw mode, so nothing is echoed: Enter ends it, Backspace removes the
 * last character, Ctrl-U all of them; Ctrl-C (or Ctrl-D on an empty line) cancels. Other control keys
 * and escape sequences (arrows) are ignored rather than becoming part of the password.
 */
function typed(source: PasswordSource, prompt: string): Promise<string | undefined> {
  const { stdin, stderr } = source;
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  const decoder = new StringDecoder('utf8');
  let chars: string[] = [];
  // Inside an escape sequence: after ESC ('esc'), after ESC [ or ESC O until its final byte ('csi').
  let escape: 'no' | 'esc' | 'csi' = 'no';
  return new Promise((resolve) => {
    const finish = (value: string | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of typeof chunk === 'string' ? chunk : decoder.write(chunk)) {
        if (escape === 'esc') escape = char === '[' || char === 'O' ? 'csi' : 'no';
        else if (escape === 'csi') escape = char >= '@' && char <= '~' ? 'no' : 'csi';
        else if (char === '\r' || char === '\n') return finish(chars.join(''));
        else if (char === '\u0003' || (char === '\u0004' && chars.length === 0)) return finish(undefined);
        else if (char === '\u001b') escape = 'esc';
        else if (char === '\u007f' || char === '\b') chars.pop();
        else if (char === '\u0015') chars = [];
        else if (char >= ' ') chars.push(char);
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The first line piped in (without its line ending), as soon as it is complete; undefined when none. */
function firstLine(stdin: NodeJS.ReadableStream): Promise<string | undefined> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  return new Promise((resolve, reject) => {
    const finish = (value: string | undefined) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', reject);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const end = text.indexOf('\n');
      if (end >= 0) finish(text.slice(0, end).replace(/\r$/, ''));
    };
    const onEnd = () => {
      text += decoder.end();
      finish(text === '' ? undefined : text.replace(/\r$/, ''));
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', reject);
    stdin.resume();
  });
}

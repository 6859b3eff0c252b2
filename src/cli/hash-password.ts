// `ocpp-proxy hash-password`: on a terminal it asks twice without echo; from a pipe it takes the
// first line (`echo secret | ocpp-proxy hash-password` hashes `secret`).

import type { ReadStream } from 'node:tty';
import { hashPassword } from '../auth/charger-auth.ts';

/** The first line of a stream (without its line end), or everything when there is no line end. */
export async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    const end = text.indexOf('\n');
    if (end >= 0) return text.slice(0, end).replace(/\r$/, '');
  }
  return text;
}

/** Reads one line from a terminal without echoing it. Null on Ctrl-C or Ctrl-D. */
function readHidden(prompt: string, input: ReadStream, output: NodeJS.WritableStream): Promise<string | null> {
  // Echo off before the prompt shows: what is typed (or pasted) at once is never echoed.
  input.setRawMode(true);
  output.write(prompt);
  input.resume();
  let typed = '';
  return new Promise((resolve) => {
    const finish = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** Prints the scrypt hash for a [chargers] line; exit code as the CLI returns it. */
export async function hashPasswordCommand(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, errors: NodeJS.WritableStream): Promise<number> {
  let password: string | null;
  const terminal = input as ReadStream;
  if (terminal.isTTY === true) {
    password = await readHidden('Password: ', terminal, errors);
    if (password !== null && password !== '') {
      const again = await readHidden('Again: ', terminal, errors);
      if (again === null) password = null;
      else if (again !== password) {
        errors.write('ocpp-proxy: the two passwords differ; nothing was hashed\n');
        return 2;
      }
    }
    if (password === null) return 130;
  } else {
    password = await firstLine(input);
  }
  if (password === '') {
    errors.write('ocpp-proxy: the password is empty; type it when asked, or pipe it: `echo secret | ocpp-proxy hash-password`\n');
    return 2;
  }
  if (password.includes('\0')) {
    errors.write('ocpp-proxy: a password cannot contain a NUL byte\n');
    return 2;
  }
  output.write(`${await hashPassword(password)}\n`);
  return 0;
}

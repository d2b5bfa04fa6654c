import * as fs from 'fs';
import { CliIo } from '../src/io';

/** CLI IO that records what is printed and reads and writes real (temp) files. */
export function memoryIo(env: { [k: string]: string } = {}, errIsTty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    errRaw: (t) => err.push(t),
    readFile: (p) => fs.readFileSync(p, 'utf8'),
    readDir: (p) => fs.readdirSync(p),
    writeFile: (p, d) => fs.writeFileSync(p, d),
    env,
    errIsTty,
  };
  return { io, out, err };
}

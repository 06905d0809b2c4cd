// Standard data read as a stream: the file's bytes decoded chunk by chunk and its CSV parsed a block
// of whole rows at a time, so a national file is never held in memory as text or as a table. The
// checks are lib/standard-data's; this is only how the rows reach them. Used by the importer, which
// reads a file twice (once to check it, once to write it), so a source can be opened more than once.
import { hash } from "node:crypto";
import fs from "node:fs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import {
  csvQuotesError,
  looksLikeJson,
  RecordReader,
  StandardDataError,
  tableFromGeoJson,
  type Encoding,
  type ReadOptions,
  type SeenRows,
  type StandardRecord,
} from "./standard-data";

/** A file that can be read from its start as often as needed. */
export type FileSource = { size: number; open: () => AsyncIterable<Uint8Array> };

/**
 * How much of a file is read at a time: a quarter of a megabyte is about 1,500 rows, parsed and
 * checked in a few tens of milliseconds before the server turns to other requests again.
 */
const CHUNK = 256 << 10;

/** Bytes already in memory, handed out a chunk at a time. */
export function bytesSource(bytes: Uint8Array, chunk = CHUNK): FileSource {
  return {
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

/** A file on disk, read a chunk at a time. */
export function fileSource(path: string): FileSource {
  return { size: fs.statSync(path).size, open: () => fs.createReadStream(path, { highWaterMark: CHUNK }) };
}

/**
 * A table of 128-bit digests (MD5 of a text: two different texts would have to collide in 128 bits to
 * be taken for one) to a 32-bit number, kept in typed arrays by open addressing: about 40 bytes per
 * entry, outside the JavaScript heap, where a Map of texts would keep each text whole.
 */
export class DigestTable {
  private words = new Uint32Array(4 * 1024);
  private values = new Uint32Array(1024);
  private used = 0;

  /** The text's digest as four 32-bit words. */
  static of(text: string): Uint32Array {
    const d = hash("md5", text, "buffer");
    return Uint32Array.of(d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12));
  }

  get size(): number {
    return this.used;
  }

  private slot(d: Uint32Array): number {
    const mask = this.values.length - 1;
    for (let i = d[0]! & mask; ; i = (i + 1) & mask) {
      const w = 4 * i;
      if (this.values[i] === 0) return i;
      if (this.words[w] === d[0] && this.words[w + 1] === d[1] && this.words[w + 2] === d[2] && this.words[w + 3] === d[3]) return i;
    }
  }

  /** The number kept for `d`, or undefined. */
  get(d: Uint32Array): number | undefined {
    const v = this.values[this.slot(d)]!;
    return v === 0 ? undefined : v - 1;
  }

  /** Keeps `value` (0 to 2³² − 2) for `d`. */
  set(d: Uint32Array, value: number): void {
    // Kept at most half full, so a search ends after a probe or two.
    if (2 * (this.used + 1) > this.values.length) this.grow();
    const i = this.slot(d);
    if (this.values[i] === 0) {
      this.used++;
      this.words.set(d, 4 * i);
    }
    this.values[i] = value + 1;
  }

  private grow() {
    const { words, values } = this;
    this.words = new Uint32Array(words.length * 2);
    this.values = new Uint32Array(values.length * 2);
    this.used = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) this.set(words.subarray(4 * i, 4 * i + 4), values[i]! - 1);
  }
}

/**
 * What the reader remembers of the rows, as digests in typed arrays: a national file's million rows
 * take about a hundred megabytes less than they would as texts, and none of it on the JavaScript heap.
 * Records of one identity with different fingerprints are chained (line, fingerprint, next).
 */
export function seenAsDigests(): SeenRows {
  const raw = new DigestTable();
  const keys = new DigestTable();
  let chain = new Uint32Array(6 * 1024);
  let records = 0;
  const fingerprintAt = (i: number) => chain.subarray(6 * i + 1, 6 * i + 5);
  return {
    raw: (text, line) => {
      const d = DigestTable.of(text);
      const at = raw.get(d);
      if (at === undefined) raw.set(d, line);
      return at;
    },
    keyed: (key, fingerprint, line) => {
      const k = DigestTable.of(key);
      const f = DigestTable.of(fingerprint);
      let before = 0;
      let last = -1;
      for (let i = keys.get(k) ?? -1; i >= 0; i = chain[6 * i + 5]! - 1) {
        const g = fingerprintAt(i);
        if (g[0] === f[0] && g[1] === f[1] && g[2] === f[2] && g[3] === f[3]) return { sameAs: chain[6 * i]! };
        before++;
        last = i;
      }
      if (6 * (records + 1) > chain.length) {
        const grown = new Uint32Array(chain.length * 2);
        grown.set(chain);
        chain = grown;
      }
      chain[6 * records] = line;
      chain.set(f, 6 * records + 1);
      chain[6 * records + 5] = 0;
      if (last >= 0) chain[6 * last + 5] = records + 1;
      else keys.set(k, records);
      records++;
      return { before };
    },
  };
}

/** Raised when bytes read as UTF-8 are not: the file is read again as CP949. */
class NotUtf8 extends Error {}

const countNewlines = (bytes: Uint8Array, end = bytes.length) => {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
};

/**
 * The file as text, chunk by chunk, in `encoding` ("auto": UTF-16 or UTF-8 by a byte-order mark,
 * else UTF-8 when every byte of the file is valid UTF-8, else CP949 — as lib/standard-data's decode).
 * A NUL anywhere means a binary file: refused, naming its line. `found` is told the encoding used.
 */
async function* decodedText(
  source: FileSource,
  encoding: Encoding | "auto",
  found: (e: Encoding) => void,
): AsyncGenerator<{ text: string; bytesRead: number }> {
  let decoder: { write: (b: Uint8Array) => string; end: () => string } | null = null;
  let utf16 = false;
  let lines = 1;
  let bytesRead = 0;
  let head: Uint8Array = new Uint8Array(0);
  const start = (bytes: Uint8Array): Uint8Array => {
    const le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const be = bytes[0] === 0xfe && bytes[1] === 0xff;
    if (le || be) {
      utf16 = true;
      found("utf-16");
      const d = new TextDecoder(le ? "utf-16le" : "utf-16be", { ignoreBOM: true });
      decoder = { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
      return bytes.subarray(2);
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const as: Encoding = bom ? "utf-8-bom" : encoding === "auto" ? "utf-8" : encoding;
    found(as);
    if (as === "cp949") {
      const d = iconv.getDecoder("cp949");
      decoder = { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? "" };
    } else {
      // A file that says it is UTF-8 stays UTF-8 (a bad byte becomes U+FFFD); without the mark, a bad byte means CP949.
      const d = new TextDecoder("utf-8", { fatal: !bom, ignoreBOM: true });
      const wrap = (f: () => string) => {
        try {
          return f();
        } catch {
          throw new NotUtf8();
        }
      };
      decoder = { write: (b) => wrap(() => d.decode(b, { stream: true })), end: () => wrap(() => d.decode()) };
    }
    return bom ? bytes.subarray(3) : bytes;
  };
  /** The text of `bytes`, after refusing a NUL among them. */
  const decode = (bytes: Uint8Array): string => {
    if (!utf16) {
      const nul = bytes.indexOf(0);
      if (nul >= 0) {
        const line = lines + countNewlines(bytes, nul);
        throw new StandardDataError("binary", `This is a binary file, not a CSV text file (a NUL byte on line ${line}).`, line);
      }
      lines += countNewlines(bytes);
      return decoder!.write(bytes);
    }
    const text = decoder!.write(bytes);
    const at = text.indexOf("\u0000");
    if (at >= 0) {
      const line = lines + countLines(text.slice(0, at));
      throw new StandardDataError("binary", `This is a binary file, not a text file (a NUL character on line ${line}).`, line);
    }
    lines += countLines(text);
    return text;
  };
  for await (const chunk of source.open()) {
    bytesRead += chunk.length;
    let bytes: Uint8Array = chunk;
    if (!decoder) {
      // The byte-order mark needs the first three bytes, however the source cuts its chunks.
      head = concat(head, chunk);
      if (head.length < 3) continue;
      bytes = start(head);
    }
    const text = decode(bytes);
    if (text) yield { text, bytesRead };
  }
  const text = (decoder ? "" : decode(start(head))) + decoder!.end();
  if (text) yield { text, bytesRead };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** What a streamed table yields: its header first, then its rows a block at a time, with the bytes read so far. */
export type TableChunk = { header: string[]; csv: boolean } | { rows: string[][]; bytesRead: number };

/**
 * The file as a table, streamed: the header, then blocks of rows. A CSV is cut into blocks at line
 * ends outside quotes, each parsed whole by Papa Parse; a file whose quotes do not pair up is parsed
 * in one piece from there on, so it reads exactly as it would whole. GeoJSON is parsed whole.
 */
export async function* streamTable(source: FileSource, encoding: Encoding | "auto", found: (e: Encoding) => void): AsyncGenerator<TableChunk> {
  let pending = "";
  let scanned = 0;
  let inQuotes = false;
  let lines = 0;
  let csv: boolean | null = null;
  let header: string[] | null = null;
  let whole = false;
  let bytesRead = 0;
  const text = decodedText(source, encoding, found);
  /** Parses `block` (whole rows); throws on broken quotes when `last`, answers null when a later block may mend them. */
  const parse = (block: string, last: boolean): string[][] | null => {
    const parsed = Papa.parse<string[]>(block, { skipEmptyLines: "greedy" });
    const fatal = parsed.errors.find((e) => e.type === "Quotes");
    if (fatal) {
      if (!last) return null;
      throw csvQuotesError(block, fatal, lines);
    }
    return parsed.data;
  };
  const rowsOf = function* (rows: string[][]): Generator<TableChunk> {
    if (!header) {
      header = rows.shift() ?? null;
      if (!header) return;
      yield { header, csv: true };
    }
    if (rows.length) yield { rows, bytesRead };
  };
  for await (const chunk of text) {
    bytesRead = chunk.bytesRead;
    pending += chunk.text;
    if (csv === null) {
      if (!pending.trim()) continue;
      csv = !looksLikeJson(pending);
    }
    if (!csv || whole) continue;
    // The last line end outside quotes: rows before it are whole.
    let cut = -1;
    for (let i = scanned; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c === 0x22) inQuotes = !inQuotes;
      else if (c === 0x0a && !inQuotes) cut = i;
    }
    scanned = pending.length;
    if (cut < 0) continue;
    const block = pending.slice(0, cut + 1);
    const rows = parse(block, false);
    if (!rows) {
      whole = true;
      continue;
    }
    pending = pending.slice(cut + 1);
    scanned = pending.length;
    lines += countLines(block);
    yield* rowsOf(rows);
    // A turn of the event loop between blocks: the server answers other requests while a file is read.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (csv === null) throw new StandardDataError("empty", "The file is empty.");
  if (!csv) {
    const [head, ...rows] = tableFromGeoJson(pending);
    if (!head) throw new StandardDataError("empty", "The file is empty.");
    yield { header: head, csv: false };
    for (let i = 0; i < rows.length; i += 5_000) yield { rows: rows.slice(i, i + 5_000), bytesRead: source.size };
    return;
  }
  yield* rowsOf(parse(pending, true)!);
  if (!header) throw new StandardDataError("empty", "The file is empty.");
}

const countLines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

/** Whether reading failed because the file is not UTF-8 after all: read it again as CP949. */
export const isNotUtf8 = (err: unknown): boolean => err instanceof NotUtf8;

/** What a pass over the file yields: its records a batch at a time, with the reader that counts what it left out. */
export type RecordBatch = { records: StandardRecord[]; reader: RecordReader; bytesRead: number };

/** The most of the file's bytes one batch stands for: a file of wide rows comes in smaller batches. */
const BATCH_BYTES = 4 << 20;

/**
 * The file's records in batches of about `batch` (or of about 4 MB of the file, whichever is less),
 * in file order, each checked by one RecordReader (which keeps digests, not rows, to find
 * duplicates). A CSV whose last row is cut off is refused before that row is handed out. The
 * encoding used is told to `found`.
 */
export async function* streamRecords(
  source: FileSource,
  { encoding, columnMap, batch = 10_000, found = () => {} }: ReadOptions & { encoding: Encoding | "auto"; batch?: number; found?: (e: Encoding) => void },
): AsyncGenerator<RecordBatch> {
  let batchFrom = 0;
  let reader: RecordReader | null = null;
  let records: StandardRecord[] = [];
  let held: string[] | null = null;
  let index = 0;
  let bytesRead = 0;
  const take = (cells: string[]) => {
    const record = reader!.read(cells, index + 2);
    index++;
    if (record) records.push(record);
  };
  for await (const chunk of streamTable(source, encoding, found)) {
    if ("header" in chunk) {
      reader = new RecordReader(chunk.header, { columnMap, csv: chunk.csv, seen: seenAsDigests() });
      continue;
    }
    bytesRead = chunk.bytesRead;
    // The last row read is held back until a later one shows it was not the file's last.
    if (held) take(held);
    held = chunk.rows.pop() ?? null;
    for (const cells of chunk.rows) take(cells);
    if (records.length >= batch || (records.length > 0 && bytesRead - batchFrom >= BATCH_BYTES)) {
      yield { records, reader: reader!, bytesRead };
      records = [];
      batchFrom = bytesRead;
    }
  }
  if (!reader) throw new StandardDataError("empty", "The file is empty.");
  if (held) {
    reader.checkLast(held, index + 2);
    take(held);
  }
  yield { records, reader, bytesRead: source.size };
}

/**
 * The items of `items`, the next one read while the caller works on the one before (an import writes
 * a batch while the next is decoded, parsed and checked), when `ahead`; else one at a time. Holds at
 * most two items; a read that fails is thrown where that item is asked for.
 */
export async function* readAhead<T>(items: AsyncIterable<T>, ahead: boolean): AsyncGenerator<T> {
  if (!ahead) return yield* items;
  const it = items[Symbol.asyncIterator]();
  let next = it.next();
  // Handled here so a failure while the caller is busy is not reported as unhandled; thrown below.
  next.catch(() => {});
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      next.catch(() => {});
      yield r.value;
    }
  } finally {
    // The caller stopped early (or failed): let the read in flight end, then close the source.
    await next.catch(() => {});
    await it.return?.(undefined);
  }
}

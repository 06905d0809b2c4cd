// A file upload read as a stream (busboy, the multipart parser Node's frameworks use): the file goes to
// a temporary file as it arrives, counted, and an upload over the limit is refused (413) as soon as it
// passes it, instead of being held in memory or cut short by a body buffer. The route reads it from
// there as a stream too, and removes it when done.
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../lib/errors";
import { fileSource, type FileSource } from "../lib/standard-stream";

export type Upload = {
  /** The form's text fields. */
  fields: Map<string, string>;
  /**
   * The file of the field `file` as a source to stream (as often as needed), or null when none was
   * sent. `dispose` removes it: the route calls it when it is done with the file.
   */
  file: { name: string; source: FileSource; dispose: () => void } | null;
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The file is over the ${mb(maxBytes)} limit.`, { issues: [{ code: "too_large", path: "file", params: { maxBytes } }] });

/** Reads a multipart upload of at most `maxBytes`; a declared size over it is refused before reading. */
export async function readUpload(req: Request, maxBytes: number): Promise<Upload> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !req.body) {
    throw new AppError("bad_request", "Send the file as multipart/form-data in the field “file”.", { issues: [{ code: "missing", path: "file" }] });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-upload-"));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const fields = new Map<string, string>();
    const received: { file: { name: string; at: string } | null } = { file: null };
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({ headers: { "content-type": type }, limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 1024 } });
      const writes: Promise<void>[] = [];
      parser.on("field", (name, value) => fields.set(name, value));
      parser.on("file", (name, stream, info) => {
        if (name !== "file") return stream.resume();
        const at = path.join(dir, "upload");
        received.file = { name: info.filename || "upload", at };
        const out = fs.createWriteStream(at);
        stream.on("limit", () => {
          out.destroy();
          reject(tooLarge(maxBytes));
        });
        writes.push(
          new Promise<void>((done, fail) => {
            out.on("finish", done);
            out.on("error", fail);
            stream.pipe(out);
          }),
        );
      });
      parser.on("error", () =>
        reject(new AppError("bad_request", "The upload could not be read as multipart/form-data.", { issues: [{ code: "missing", path: "file" }] })),
      );
      parser.on("close", () => {
        Promise.all(writes).then(() => resolve(), reject);
      });
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the DOM and Node typings of one runtime stream
      Readable.fromWeb(req.body as WebReadableStream<Uint8Array>).pipe(parser);
    });
    const { file } = received;
    if (!file) dispose();
    return { fields, file: file ? { name: file.name, source: fileSource(file.at), dispose } : null };
  } catch (err) {
    dispose();
    throw err;
  }
}

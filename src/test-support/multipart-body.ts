import { randomBytes } from "node:crypto";

/** A multipart/form-data body for app.inject(): one part per file, in order. */
export function multipartBody(
  files: { field: string; filename: string; bytes: Uint8Array; contentType?: string }[],
) {
  const boundary = `----shortlist${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A zip archive of the given files, as a browser user would drop it. */
export async function zipFiles(files: { name: string; bytes: Uint8Array }[]): Promise<Buffer> {
  const { default: yazl } = await import("yazl");
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.bytes), file.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * What the first bytes of a source file say it is, when it is not plain text: a gzip stream (read transparently),
 * or a format the harness does not read, described so the user knows what they pointed `source.path` at.
 */
export type FileSignature = { kind: 'gzip' } | { kind: 'unsupported'; problem: string };

/** Bytes of the file's start that {@link detectFileSignature} needs (the longest signature below, with room). */
export const SIGNATURE_BYTES = 4096;

const EXPORT = 'skew-harness reads CSV and JSON Lines: export it as CSV or JSON Lines';

/** Magic numbers of formats a user may point `source.path` at by mistake, and what to tell them. */
const SIGNATURES: ReadonlyArray<{ magic: readonly number[]; problem: string }> = [
  { magic: [0x50, 0x41, 0x52, 0x31], problem: `file is a Parquet file: ${EXPORT} (e.g. duckdb -c "COPY (FROM 'f.parquet') TO 'f.csv'")` },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], problem: `file is an Excel 97-2003 workbook (.xls) or another OLE document: ${EXPORT}` },
  { magic: [0x42, 0x5a, 0x68], problem: 'file is bzip2-compressed: decompress it (bunzip2) or compress it with gzip instead, which is read directly' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], problem: 'file is xz-compressed: decompress it (unxz) or compress it with gzip instead, which is read directly' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], problem: 'file is zstd-compressed: decompress it (unzstd) or compress it with gzip instead, which is read directly' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], problem: 'file is a 7-Zip archive: extract the CSV or JSON Lines file and point to it' },
  { magic: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], problem: `file is an Arrow / Feather file: ${EXPORT}` },
  { magic: [0x4f, 0x62, 0x6a, 0x01], problem: `file is an Avro file: ${EXPORT}` },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], problem: `file is an SQLite database: ${EXPORT}` },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], problem: 'file is a PDF document, not CSV or JSON Lines' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const GZIP = [0x1f, 0x8b];

/**
 * Recognises a file by its first bytes (at least {@link SIGNATURE_BYTES} of them when the file is that long).
 * Returns `null` for anything else, which is then read as text (and checked as UTF-8).
 */
export function detectFileSignature(head: Uint8Array): FileSignature | null {
  if (startsWith(head, GZIP)) return { kind: 'gzip' };
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return { kind: 'unsupported', problem: describeZip(head) };
  for (const { magic, problem } of SIGNATURES) if (startsWith(head, magic)) return { kind: 'unsupported', problem };
  return null;
}

/** Office documents are ZIP archives whose first entries name their kind. */
function describeZip(head: Uint8Array): string {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  if (text.includes('xl/')) return `file is an Excel workbook (.xlsx): ${EXPORT} (File → Save As → CSV UTF-8)`;
  if (text.includes('word/') || text.includes('ppt/')) return 'file is an Office document, not CSV or JSON Lines';
  if (text.includes('[Content_Types].xml')) return `file is an Office document (an Excel workbook?): ${EXPORT}`;
  return 'file is a ZIP archive: extract the CSV or JSON Lines file (unzip) and point to it, or compress it with gzip instead, which is read directly';
}

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

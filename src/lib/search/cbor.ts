/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use, read and written as Pagefind's Rust
 * side (minicbor) writes it: unsigned and negative integers in their shortest form, text strings and
 * arrays of definite length. A struct is an array of its fields. Written values come out byte for
 * byte as minicbor writes them, so that a file rewritten here hashes as Pagefind's own would.
 */

/** A CBOR value of that subset: an integer, a text string, or an array of values. */
export type CborValue = number | string | CborValue[];

const UNSIGNED = 0;
const NEGATIVE = 1;
const TEXT = 3;
export const ARRAY = 4;

/** Reads CBOR item by item, without making values of what it only steps over. */
export class CborReader {
  at = 0;
  /** The major type of the last head read. */
  major = 0;
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private static readonly text = new TextDecoder();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Reads an item's head: sets `major`, gives its number (an integer's value, a string's or array's length). */
  head(): number {
    const first = this.bytes[this.at++]!;
    this.major = first >> 5;
    const info = first & 31;
    if (info < 24) return info;
    const at = this.at;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    this.at += size;
    if (size === 1) return this.bytes[at]!;
    if (size === 2) return this.view.getUint16(at);
    if (size === 4) return this.view.getUint32(at);
    if (size === 8) return Number(this.view.getBigUint64(at));
    throw new Error(`CBOR: unsupported length ${info} at byte ${at - 1}`);
  }

  /** An array's length. */
  array(): number {
    const n = this.head();
    if (this.major !== ARRAY) throw new Error(`CBOR: an array expected at byte ${this.at}, found type ${this.major}`);
    return n;
  }

  /** An integer. */
  int(): number {
    const n = this.head();
    if (this.major === UNSIGNED) return n;
    if (this.major === NEGATIVE) return -1 - n;
    throw new Error(`CBOR: an integer expected at byte ${this.at}, found type ${this.major}`);
  }

  /** A text string. */
  text(): string {
    const n = this.head();
    if (this.major !== TEXT) throw new Error(`CBOR: a text string expected at byte ${this.at}, found type ${this.major}`);
    this.at += n;
    return CborReader.text.decode(this.bytes.subarray(this.at - n, this.at));
  }

  /** Any value. */
  value(): CborValue {
    const start = this.at;
    const n = this.head();
    switch (this.major) {
      case UNSIGNED:
        return n;
      case NEGATIVE:
        return -1 - n;
      case TEXT:
        this.at += n;
        return CborReader.text.decode(this.bytes.subarray(this.at - n, this.at));
      case ARRAY: {
        const list = new Array<CborValue>(n);
        for (let i = 0; i < n; i++) list[i] = this.value();
        return list;
      }
      default:
        throw new Error(`CBOR: unsupported major type ${this.major} at byte ${start}`);
    }
  }
}

/** Writes CBOR into a buffer that grows as needed. */
export class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + n));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }

  /** An item's head, its number in the shortest form. */
  head(major: number, n: number): this {
    this.room(9);
    const type = major << 5;
    const buffer = this.buffer;
    if (n < 24) {
      buffer[this.at++] = type | n;
    } else if (n < 0x100) {
      buffer[this.at++] = type | 24;
      buffer[this.at++] = n;
    } else if (n < 0x10000) {
      buffer[this.at++] = type | 25;
      this.at = buffer.writeUInt16BE(n, this.at);
    } else if (n < 0x100000000) {
      buffer[this.at++] = type | 26;
      this.at = buffer.writeUInt32BE(n, this.at);
    } else {
      buffer[this.at++] = type | 27;
      this.at = buffer.writeBigUInt64BE(BigInt(n), this.at);
    }
    return this;
  }

  int(n: number): this {
    if (!Number.isSafeInteger(n)) throw new Error(`CBOR: ${n} is not an integer`);
    return n >= 0 ? this.head(UNSIGNED, n) : this.head(NEGATIVE, -1 - n);
  }

  text(value: string): this {
    const length = Buffer.byteLength(value);
    this.head(TEXT, length).room(length);
    this.at += this.buffer.write(value, this.at);
    return this;
  }

  /** Bytes that are CBOR already. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  value(v: CborValue): this {
    if (typeof v === 'number') return this.int(v);
    if (typeof v === 'string') return this.text(v);
    this.head(ARRAY, v.length);
    for (const entry of v) this.value(entry);
    return this;
  }

  /** What was written (a view of the writer's buffer). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

/** Reads one CBOR value (the whole buffer). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new CborReader(bytes);
  const value = reader.value();
  if (reader.at !== bytes.length) throw new Error(`CBOR: ${bytes.length - reader.at} bytes after the value`);
  return value;
}

/** Writes one CBOR value, each integer and length in its shortest form. */
export function encodeCbor(value: CborValue): Buffer {
  return new CborWriter().value(value).bytes();
}

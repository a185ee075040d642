/** Bytes of canonical, padded standard base64 (what Pub/Sub sends); undefined for anything else. */
export function decodeStrictBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0) return undefined;
  // Node's decoder skips characters it does not know and ignores stray padding bits; encoding the
  // result back and comparing refuses both, so only one text decodes to given bytes.
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** What a failed file operation's error code means, in words a user reads in one line. */
const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file',
  EIO: 'input/output error',
  ELOOP: 'its symbolic links make a loop',
  EEXIST: 'something is already there'
}

/** The error's code (`ENOSPC`), or the error itself as text when it has none. */
export function fileErrorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' ? code : String(error)
}

/** `no space left on device (ENOSPC)`, or the error's message for codes without words. */
export function describeFileError(error: unknown): string {
  const code = fileErrorCode(error)
  return code in WORDS ? `${WORDS[code]} (${code})` : ((error as Error).message ?? code)
}

import type { FileUploader, LocalFile } from './files';
import { UploadError } from './files';

/**
 * In-process cloud storage for tests: `setFileUploader(store.upload)`; `store.files` maps each fileID
 * to what was uploaded; `store.failNext(message)` makes the next upload fail like a bad network would.
 */
export function memoryFiles(env = 'test-env') {
  const files = new Map<string, LocalFile & { cloudPath: string }>();
  let failure: string | null = null;
  const upload: FileUploader = async (file, cloudPath) => {
    if (failure !== null) {
      const message = failure;
      failure = null;
      throw new UploadError(message || undefined);
    }
    const fileID = `cloud://${env}/${cloudPath}`;
    files.set(fileID, { ...file, cloudPath });
    return fileID;
  };
  return {
    files,
    upload,
    failNext(message = '') {
      failure = message;
    },
  };
}

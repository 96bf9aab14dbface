/**
 * The venue list as a file, not text in the page: a CSV with a UTF-8 BOM (from the server) that Excel
 * opens with its Chinese intact. H5 downloads it through a Blob link; weapp writes it to the user data
 * folder and hands it to WeChat's file sharing (openDocument does not open .csv), so the admin sends
 * it to a chat or to 文件传输助手 and opens it on a PC.
 */
import Taro from '@tarojs/taro';

export type SavedCsv = { how: 'downloaded' | 'shared' | 'saved'; path?: string };

const BOM = '\ufeff';

function withBom(csv: string): string {
  return csv.startsWith(BOM) ? csv : BOM + csv;
}

function downloadInBrowser(filename: string, csv: string): SavedCsv {
  const blob = new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  // Later, so the browser has started the download before the link dies.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { how: 'downloaded' };
}

async function writeInWeapp(filename: string, csv: string): Promise<SavedCsv> {
  const dir = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env?.USER_DATA_PATH ?? 'wxfile://usr';
  const path = `${dir}/${filename}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: withBom(csv),
      encoding: 'utf8',
      success: () => resolve(),
      fail: (e) => reject(new Error(e?.errMsg || '文件没能保存')),
    }),
  );
  try {
    await Taro.shareFileMessage({ filePath: path, fileName: filename });
    return { how: 'shared', path };
  } catch (e) {
    // Closing the share sheet is a choice, not a failure: the file is saved either way.
    if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return { how: 'saved', path };
    throw e;
  }
}

export function saveCsv(filename: string, csv: string): Promise<SavedCsv> {
  if (process.env.TARO_ENV === 'weapp') return writeInWeapp(filename, csv);
  return Promise.resolve(downloadInBrowser(filename, csv));
}

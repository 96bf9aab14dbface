import { Image, View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ServiceError } from '../../services/call';
import { api } from '../../services/api';
import { saveCsv, type SavedCsv } from '../save-csv';

const message = (e: unknown) => (e instanceof ServiceError ? e.message : '请稍后再试');

/** The venue list as a CSV file (phones masked) and the poster's 小程序码, for one contest. */
export function AdminTools({ contestId, tradeId }: { contestId: string; tradeId?: string }) {
  const [saved, setSaved] = useState<{ filename: string; rows: number; how: SavedCsv['how'] } | null>(null);
  const [poster, setPoster] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportList = async () => {
    setBusy(true);
    try {
      const out = await api.contest.exportCsv({ contestId, tradeId });
      const res = await saveCsv(out.filename, out.csv);
      setSaved({ filename: out.filename, rows: out.rows, how: res.how });
    } catch (e) {
      await Taro.showModal({ title: '未能导出', content: message(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const makePoster = async () => {
    setBusy(true);
    try {
      const out = await api.contest.poster({ contestId });
      setPoster(`data:${out.contentType};base64,${out.base64}`);
    } catch (e) {
      await Taro.showModal({ title: '未能生成小程序码', content: message(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card contest-admin-tools">
      <View className="row-actions">
        <Button variant="outline" className="contest-review__export" disabled={busy} onClick={exportList}>
          导出赛场名单
        </Button>
        <Button variant="outline" disabled={busy} onClick={makePoster}>
          海报小程序码
        </Button>
      </View>
      {saved ? (
        <View className="contest-admin-tools__saved" role="status">
          <View>
            {saved.how === 'downloaded' ? '已下载' : saved.how === 'shared' ? '已发送' : '已保存'}：{saved.filename}（共
            {saved.rows}人）
          </View>
          <View className="muted">
            {saved.how === 'downloaded'
              ? '可用 Excel 或 WPS 打开；手机号已隐藏中间4位。'
              : '发到微信聊天或「文件传输助手」后，在电脑上用 Excel 打开；手机号已隐藏中间4位。'}
          </View>
        </View>
      ) : null}
      {poster ? (
        <View className="contest-admin-tools__poster">
          <Image src={poster} className="contest-admin-tools__image" mode="aspectFit" showMenuByLongpress />
          <View className="muted">长按保存，印在海报上，扫码直达报名页</View>
        </View>
      ) : null}
    </View>
  );
}

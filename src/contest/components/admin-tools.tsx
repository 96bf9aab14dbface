import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ServiceError } from '../../services/call';
import { api } from '../../services/api';

const message = (e: unknown) => (e instanceof ServiceError ? e.message : '请稍后再试');

/** The venue list as CSV (phones masked) and the poster's 小程序码, for one contest. */
export function AdminTools({ contestId, tradeId }: { contestId: string; tradeId?: string }) {
  const [csv, setCsv] = useState<{ text: string; rows: number; filename: string } | null>(null);
  const [poster, setPoster] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportList = async () => {
    setBusy(true);
    try {
      const out = await api.contest.exportCsv({ contestId, tradeId });
      const text = out.csv.replace(/^\ufeff/, '');
      setCsv({ text, rows: out.rows, filename: out.filename });
      await Taro.setClipboardData({ data: text });
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
      {csv ? (
        <View className="contest-admin-tools__csv">
          <View className="muted">
            {csv.filename} · 共{csv.rows}人 · 已复制到剪贴板（手机号已隐藏中间4位）
          </View>
          <Text userSelect className="contest-admin-tools__text">
            {csv.text}
          </Text>
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

import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DELETE_MY_DATA_CONFIRMATION, type DeleteMyDataResult } from '@contract/api/member';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { readableLines } from './fields';
import './index.scss';

const DELETE_EXPLAINED =
  '将删除：个人资料、会员信息、入会申请、转会记录和消息。\n' +
  '将保留但去除姓名和手机号：已占名额的比赛报名和成绩、课程预约和评价、已签发的退休证书、礼包领取记录、操作日志（其他人和统计依赖这些记录）。\n' +
  '删除后不能恢复；如需放弃报名或预约，请先去对应页面取消。';

/** 查看我的数据 / 申请删除: everything the app holds about the caller, and deletion within the rules. */
export default function MyDataPage() {
  const data = useAsync(() => api.member.exportMyData(), []);
  const [result, setResult] = useState<DeleteMyDataResult>();
  // An idempotent write (no requestId): the hook still makes a double tap one call.
  const deleting = useWrite((input: Parameters<typeof api.member.deleteMyData>[0]) => api.member.deleteMyData(input), {
    report: '未能删除',
  });
  const busy = deleting.busy;

  const copyAll = () => {
    if (data.data) Taro.setClipboardData({ data: JSON.stringify(data.data, null, 2) });
  };

  const askDelete = async () => {
    const answer = await Taro.showModal({
      title: '确认删除我的数据？',
      content: DELETE_EXPLAINED,
      confirmText: '确认删除',
      cancelText: '再想想',
      confirmColor: '#b3261e',
    });
    if (!answer.confirm) return;
    const done = await deleting.run({ confirm: DELETE_MY_DATA_CONFIRMATION });
    if (!done) return;
    setResult(done);
    // The summary sits at the top while the button is at the bottom: bring it into sight.
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    await data.reload();
  };

  const sections = data.data?.sections ?? [];
  return (
    <PageShell title="我的数据">
      <View className="card member-my-data__lead">
        这里是本程序保存的与您有关的全部信息。发现有误，可在“我的—个人信息”中更正；不想再使用，可以申请删除。
      </View>

      {result ? (
        <View className="card member-my-data__result" role="status" id="my-data-result">
          <View className="member-my-data__section-title">删除结果</View>
          <View>{result.summary}</View>
          {result.removed.map((r) => (
            <View key={`r-${r.key}`}>
              已删除：{r.title}（{r.count} 条）
            </View>
          ))}
          {result.kept.map((k) => (
            <View key={`k-${k.key}`} className="member-my-data__item">
              <View>
                保留：{k.title}（{k.count} 条），{k.treatment}
              </View>
              <View className="member-my-data__lead">原因：{k.reason}</View>
            </View>
          ))}
        </View>
      ) : null}

      <StateView of={data}>
        {sections.map((section) => (
          <View key={section.key} className="card">
            <View className="member-my-data__section-title">
              {section.title}（{section.items.length} 条）
            </View>
            {section.items.length === 0 ? <View className="member-my-data__lead">无</View> : null}
            {section.items.map((item, i) => (
              <View key={i} className="member-my-data__item">
                {readableLines(section.key, item).map((line) => (
                  <View key={line.label + line.value} className="member-my-data__line">
                    <View className="member-my-data__label">{line.label}</View>
                    <View className="member-my-data__value">{line.value}</View>
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}
      </StateView>

      <View className="member-my-data__actions">
        <Button variant="outline" onClick={copyAll} disabled={!data.data}>
          复制全部数据（JSON）
        </Button>
        <Button className="member-my-data__danger" onClick={askDelete} busy={busy} disabled={busy}>
          申请删除我的数据
        </Button>
      </View>
    </PageShell>
  );
}

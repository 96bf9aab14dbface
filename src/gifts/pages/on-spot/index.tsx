import { Picker, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CampaignView, OnSpotCandidate, OnSpotResult } from '@contract/api/gift';
import type { MyScope } from '@contract/api/checkin';
import { PageShell, StateView, TextField, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { ServiceError } from '../../../services/call';
import { Candidates } from './candidates';
import './index.scss';

interface Desk {
  campaign: CampaignView;
  /** The campaign's stations this staff member works at (every one for an admin). */
  stations: { id: string; name: string; left: number }[];
}

async function loadDesk(): Promise<Desk> {
  const [campaign, scopes] = await Promise.all([api.gift.getCampaign(), api.checkin.myScopes()]);
  const mine = new Set(scopes.filter((s: MyScope) => s.kind === 'station').map((s) => s.id));
  const stations = campaign.stations
    .filter((s) => mine.has(s.stationId))
    .map((s) => ({ id: s.stationId, name: s.name, left: s.left }));
  return { campaign, stations };
}

const ALREADY_CLAIMED_TO_STAFF = '这位职工已经领过本次礼包（每人限一份），不能再发放。可请他在“我的礼包”出示礼包券。';

type Who = { memberNo: string; personName: string } | { memberCode: string; personName: string };

/** Station staff: a worker arrives without a voucher; find them, check eligibility, hand a pack over now. */
export default function OnSpotPage() {
  const desk = useAsync<Desk>(loadDesk, []);
  const [pick, setPick] = useState(0);
  const [name, setName] = useState('');
  const [tail, setTail] = useState('');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<OnSpotCandidate[] | null>(null);
  const [done, setDone] = useState<OnSpotResult | null>(null);
  const d = desk.data;
  const station = d?.stations[pick];

  // A read: the hook only lends its busy flag and its refusal dialog (the requestId goes unused).
  const lookup = useWrite((input: Parameters<typeof api.gift.onSpotLookup>[0]) => api.gift.onSpotLookup(input));
  /** One confirmation, one request: the dialog is part of the intent, so a second tap is ignored. */
  const claim = useWrite(async ({ target, at }: { target: Who; at: { id: string; name: string } }, requestId) => {
    const ok = await Taro.showModal({
      title: '确认现场发放',
      content: `在${at.name}为 ${target.personName} 发放一份礼包？发放后记为已领取并已核销，每人限一份。`,
      confirmText: '确认发放',
    });
    if (!ok.confirm) return null;
    const by = 'memberNo' in target ? { memberNo: target.memberNo } : { memberCode: target.memberCode };
    return api.gift
      .onSpotClaim({ campaignId: d!.campaign.id, stationId: at.id, ...by }, requestId)
      .catch((e: unknown) => {
        // The contract's wording speaks to the worker ("您已领取"); here the reader is the staff member.
        if (e instanceof ServiceError && e.code === 'ALREADY_CLAIMED')
          throw new ServiceError(e.code, ALREADY_CLAIMED_TO_STAFF, e.details);
        throw e;
      });
  });

  const find = async () => {
    if (!name.trim()) return void Taro.showToast({ title: '请输入姓名', icon: 'none' });
    if (!/^\d{4}$/.test(tail)) return void Taro.showToast({ title: '请输入手机号后4位', icon: 'none' });
    setFound(
      (await lookup.run({ campaignId: d!.campaign.id, stationId: station!.id, name: name.trim(), phoneTail: tail })) ??
        null,
    );
  };

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(r.result);
    } catch {
      // Cancelled: nothing to do.
    }
  };

  const give = async (target: Who) => {
    if (!station) return;
    const result = await claim.run({ target, at: { id: station.id, name: station.name } });
    if (!result) return;
    setDone(result);
    setFound(null);
    setName('');
    setTail('');
    setCode('');
    void desk.reload();
  };

  return (
    <PageShell title="现场发放礼包">
      <StateView
        loading={desk.loading && !d}
        error={d ? null : desk.error}
        onRetry={desk.reload}
        empty={!!d && d.stations.length === 0}
        emptyText="您负责的驿站不在本次礼包发放站点中"
      >
        {d && station ? (
          <>
            <View className="card">
              <View>{d.campaign.name}</View>
              {d.stations.length > 1 ? (
                <Picker
                  mode="selector"
                  range={d.stations.map((s) => s.name)}
                  value={pick}
                  onChange={(e) => setPick(Number(e.detail.value))}
                >
                  <View className="gift-onspot__station">
                    {station.name}（剩 {station.left} 份）▾
                  </View>
                </Picker>
              ) : (
                <View className="gift-onspot__station">
                  {station.name}（剩 {station.left} 份）
                </View>
              )}
            </View>
            {done ? (
              <View className="card gift-onspot__done" role="status">
                <View className="gift-onspot__done-title">已发放：{done.personName}</View>
                <View className="muted">
                  {done.voucher.campaignName} · {done.voucher.stationName} · {done.voucher.statusText}
                </View>
                <Button onClick={() => setDone(null)}>继续发放</Button>
              </View>
            ) : (
              <>
                <View className="card">
                  <TextField label="职工姓名" value={name} onInput={setName} maxlength={20} />
                  <TextField label="手机号后4位" type="number" value={tail} onInput={setTail} maxlength={4} />
                  <Button className="gift-onspot__find" busy={lookup.busy} onClick={() => void find()}>
                    查找职工
                  </Button>
                  <View className="gift-onspot__or">或</View>
                  <TextField
                    label="会员码"
                    value={code}
                    onInput={setCode}
                    placeholder="扫描或粘贴职工的会员码"
                    maxlength={200}
                  />
                  <View className="row-actions">
                    <Button variant="outline" onClick={() => void scan()}>
                      扫会员码
                    </Button>
                    <Button
                      className="gift-onspot__by-code"
                      disabled={!code.trim()}
                      busy={claim.busy && !found}
                      onClick={() => void give({ memberCode: code.trim(), personName: '出示会员码的职工' })}
                    >
                      凭会员码发放
                    </Button>
                  </View>
                </View>
                {found ? (
                  <Candidates
                    list={found}
                    busy={claim.busy}
                    onGive={(c) => void give({ memberNo: c.memberNo, personName: c.personName })}
                  />
                ) : null}
              </>
            )}
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}

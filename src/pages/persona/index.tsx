import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { emulatorUrl, getPersona, setPersona } from '../../cloud-client/persona';
import { PageShell } from '../../components/page-shell';
import { StateView } from '../../components/state-view';
import { useAsync } from '../../hooks/use-async';
import './index.scss';

interface Persona {
  openid: string;
  label: string;
  role: string;
  description: string;
}

async function loadPersonas(): Promise<Persona[]> {
  const res = await Taro.request<Persona[]>({ url: `${emulatorUrl()}/personas`, method: 'GET' });
  if (res.statusCode !== 200 || !Array.isArray(res.data)) throw new Error('演示服务没有启动，请先运行 npm start');
  return res.data;
}

/**
 * Demo only (never in a production build): pick who you are, so one browser can play worker,
 * retiree, staff and admin against the local emulator.
 */
export default function PersonaPage() {
  const personas = useAsync(loadPersonas, []);
  const current = getPersona();

  const choose = (p: Persona) => {
    setPersona(p.openid);
    Taro.showToast({ title: `已切换为${p.label}`, icon: 'none' });
    void Taro.switchTab({ url: '/pages/mine/index' });
  };

  return (
    <PageShell title="选择体验身份">
      <View className="muted persona__hint">演示环境：选择一个身份体验对应的功能。正式版小程序以微信身份登录。</View>
      <StateView
        loading={personas.loading}
        error={personas.error}
        onRetry={personas.reload}
        empty={personas.data?.length === 0}
      >
        {personas.data?.map((p) => (
          <View
            key={p.openid}
            className={`card persona__item ${p.openid === current ? 'persona__item--current' : ''}`}
            role="button"
            aria-label={p.label}
            data-openid={p.openid}
            onClick={() => choose(p)}
          >
            <View className="persona__label">
              {p.label}
              {p.openid === current ? '（当前）' : ''}
            </View>
            <View className="muted">{p.description}</View>
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}

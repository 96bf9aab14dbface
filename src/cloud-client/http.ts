import Taro from '@tarojs/taro';
import type { Envelope } from '@contract/envelope';
import { NETWORK_ERROR, asEnvelope } from './network-error';
import { emulatorUrl, getPersona } from './persona';

/** POST /functions/<name> on the local emulator, the persona's OPENID in X-WX-OPENID. */
export async function httpTransport(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    const res = await Taro.request({
      url: `${emulatorUrl()}/functions/${name}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', 'X-WX-OPENID': getPersona() },
      timeout: 15000,
    });
    return asEnvelope(res.data) ?? (res.data as Envelope<unknown>);
  } catch {
    return NETWORK_ERROR;
  }
}

import Taro from '@tarojs/taro';
import type { Envelope } from '@contract/envelope';
import { NETWORK_ERROR, asEnvelope } from './network-error';

let initialised = false;

export async function wxCloudTransport(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  if (!initialised) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true });
    initialised = true;
  }
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return asEnvelope(res.result) ?? (res.result as Envelope<unknown>);
  } catch {
    return NETWORK_ERROR;
  }
}

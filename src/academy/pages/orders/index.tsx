import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { MyProfile } from '@contract/api/member';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { hasAnyRole } from '../../../stores/me';
import { AdminQueue } from '../../components/admin-queue';
import { MyOrders } from '../../components/my-orders';

/** 点单进度: the orderer follows their orders; the academy admin works the queue here. */
export default function OrdersPage() {
  const me = useAsync<MyProfile>(() => api.member.getMe(), []);
  const admin = hasAnyRole(me.data, 'admin', 'admin:academy');
  return (
    <PageShell title={admin ? '点单受理' : '点单进度'}>
      <StateView of={me}>
        {admin ? (
          <AdminQueue />
        ) : (
          <View>
            <MyOrders />
            <Button variant="outline" onClick={() => Taro.navigateTo({ url: '/academy/pages/order/index' })}>
              再点一门课
            </Button>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}

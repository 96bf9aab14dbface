import { View } from '@tarojs/components';

/** What the registration collects, why, who sees it and for how long: shown before the form. */
export function PrivacyNotice() {
  return (
    <View className="card contest-privacy">
      <View className="contest-privacy__title">报名信息使用说明</View>
      <View>报名需要填写：工作单位、工种、技能等级、从业年限和联系电话；姓名、出生日期取自您的会员信息。</View>
      <View>用途：仅用于参赛资格审核、赛场签到和成绩公布，以及比赛通知时联系您。</View>
      <View>谁能看到：区总工会比武组委会；赛场工作人员看到的姓名和手机号都部分隐藏；成绩公布时姓名部分隐藏。</View>
      <View>不用于本次比武以外的用途；获奖记录作为荣誉档案保存。</View>
      <View className="muted">您可以在“我的报名”中随时取消报名（报名截止前）。</View>
    </View>
  );
}

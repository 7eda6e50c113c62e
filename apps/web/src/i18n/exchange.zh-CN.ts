// 中文：数据交换（发往公共服务平台和国家指定媒介的发件箱）以及公告页的发布媒介。
const exchangeZhCN = {
  exchange: {
    nav: '数据交换',
    title: '数据交换',
    subtitle: '发往公共服务平台和国家指定媒介的消息：每条消息与其发布内容在同一事务中写入，随后投递，失败时按退避间隔自动重试',
    destinations: {
      publicService: '公共服务平台',
      designatedMedia: '国家指定媒介（中国招标投标公共服务平台）',
      supervision: '行政监督平台',
    },
    destinationShort: { publicService: '公共服务平台', designatedMedia: '指定媒介', supervision: '行政监督平台' },
    statuses: { pending: '待投递', retrying: '重试中', delivered: '已送达', failed: '失败待处理' },
    kinds: {
      publication: '公告',
      publicationWithdrawal: '公告撤回',
      tenderingProject: '招标项目',
      tenderDocument: '招标文件',
      prequalificationDocument: '资格预审文件',
      marketEntity: '市场主体',
      evaluationReport: '评标报告',
    },
    filters: {
      destination: '发送目标',
      status: '投递状态',
      kind: '消息类型',
      subjectId: '对象编号',
    },
    columns: {
      seq: '#',
      kind: '类型',
      subject: '对象',
      destination: '发送目标',
      status: '状态',
      attempts: '尝试次数',
      nextAttemptAt: '下次尝试',
      lastError: '最近错误',
      deliveredAt: '送达时间',
      receipt: '回执',
      createdAt: '创建时间',
    },
    retry: '立即重发',
    retryConfirm: '立即向{{destination}}重发这条消息？',
    retried: '已重发：{{status}}',
    loadMore: '加载更多',
    end: '已显示全部',
    contentSm3: '内容 SM3',
  },
  noticeMedia: {
    title: '发布媒介',
    portal: '本平台',
    note: '同一公告在各媒介发布的内容一致，内容 SM3 相同',
  },
};

export default exchangeZhCN;

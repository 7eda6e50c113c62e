// 简体中文：资格审查（决定 0032，A-159…A-162）。资格审查室与评标室相同，此处只列说法不同的词（资格审查、
// 资格审查委员会、申请人、资格审查报告…），其余沿用 evaluation.*、evaluationReport.*、evaluationVenues.*；
// 另有资格审查独有的（通过资格预审的申请人、少于3个的提示）。The English file carries the same keys.
const applicationReviewZhCN = {
  applicationReview: {
    title: '资格审查室',
    notOpened: '资格审查尚未开启：由交易中心工作人员在资格审查委员会组建完成后开启。',
    tabs: { documents: '资格预审文件（含澄清）', files: '资格预审申请文件', overview: '资格审查概况', sheet: '我的审查', summary: '审查结果', report: '资格审查报告', video: '音视频资格审查室' },
    window: {
      range: '资格审查时间 {{start}} 至 {{end}}',
      startsIn: '距资格审查开始 {{time}}',
      endsIn: '距资格审查结束 {{time}}',
      over: '资格审查时间已结束',
      reminderTitle: '资格审查即将结束',
      reminder: '距资格审查结束还有 {{minutes}} 分钟，请尚未提交审查表的成员尽快提交。',
    },
    open: {
      title: '开启资格审查',
      lead: '资格审查委员会全部席位接受邀请、资格预审申请文件开启完成后方可开启。开启后各成员在资格审查时间内签到并审查，审查时间不超过3天。',
      submit: '开启资格审查',
      done: '资格审查已开启，已通知各专家成员',
    },
    members: {
      title: '资格审查委员会',
      roles: { expert: '审查专家', representative: '招标人代表' },
    },
    chair: { label: '资格审查委员会主任：', done: '已确定资格审查委员会主任' },
    signIn: {
      title: '资格审查签到',
      outside: '当前不在资格审查时间内（{{start}} 至 {{end}}），签到将被拒绝。',
      lead: '本标段的资格预审申请人如下。请确认您的身份并声明与下列申请人均无利害关系（如有，请勿签到并向交易中心申请回避），再以本人证书签名签到。',
      identity: '我确认本人为 {{name}}，亲自参加本次资格审查',
      noConflict: '我与上列申请人均无利害关系，不存在应当回避的情形',
      closed: '当前不在资格审查时间内：资格审查时间为 {{start}} 至 {{end}}',
    },
    sheet: {
      bids: '申请人',
      readout: '资格预审申请文件',
      bidder: '申请人',
      reference: '申请文件编号',
      review: '资格审查（合格 / 不合格）',
      scoring: '详细审查（有限数量制评分）',
      saved: '审查表已暂存',
      submit: '提交审查表',
      submitted: '审查表已提交',
      confirmTitle: '提交审查表？',
      confirm: '提交后审查表即冻结，不能再修改。请确认全部审查结论和评分无误。',
      frozen: '审查表已于 {{at}} 提交，不能再修改。',
    },
    summary: {
      waiting: '已提交 {{submitted}} / {{members}}：全部成员提交审查表后，由资格审查委员会主任汇总。',
      compliance: '资格审查（多数意见）',
      scores: '有限数量制评分汇总',
      total: '总分',
      outlierNote: '{{names}} 的评分明显偏离其他成员，请资格审查委员会核实并在资格审查报告中说明。',
      // 资格审查独有
      qualified: '通过资格预审的申请人',
      qualifiedCount: '共 {{count}} 个',
      none: '没有申请人通过资格预审',
      limit: '有限数量制：按总分从高到低，至多 {{limit}} 个申请人通过资格预审',
      passMethod: '合格制：资格审查合格的申请人均通过资格预审',
      tooFew: '通过资格预审的申请人少于3个',
      tooFewNote: '依照《招标投标法实施条例》第十九条，通过资格预审的申请人少于3个的，招标人应当重新进行资格预审。',
    },
    links: { room: '进入资格审查室' },
    // evaluationCompare.files.* 中说法不同的
    files: { title: '资格预审申请文件', preparing: '资格预审申请文件正在批量解密，部分文件暂不可查阅。', empty: '没有可查阅的资格预审申请文件' },
  },
  applicationReviewReport: {
    title: '资格审查报告',
    notSummarised: '审查汇总完成后，由主任委员起草并生成资格审查报告',
    generate: '生成资格审查报告',
    regenerate: '按修改重新生成',
    generated: '资格审查报告已生成，请各成员签署',
    complete: '资格审查委员会全体成员已签署，资格审查报告已推送至行政监督平台',
    namesWithheld: '资格审查结果确定前，审查专家的姓名不向招标人公开',
    parts: {
      remarks: '资格审查委员会意见',
      problems: '资格审查中发现的问题',
      recommendations: '对招标人的建议',
      remarksHint: '资格审查委员会对审查过程和结果的意见',
      problemsHint: '如资格预审申请文件存在的问题、资格预审文件的缺陷等',
      recommendationsHint: '如发售招标文件前应核实的事项',
    },
    sign: {
      open: '签署资格审查报告',
      title: '签署资格审查报告',
      dissentToggle: '我对资格审查结果有不同意见（书面说明将随签名一并签署）',
      done: '已签署资格审查报告',
    },
  },
  applicationReviewVenues: {
    video: {
      title: '音视频资格审查室',
      join: '进入音视频资格审查室',
      waiting: '等待其他审查成员进入…',
      observing: '您正在以监督身份观看资格审查室（只读）。',
    },
  },
};

export default applicationReviewZhCN;

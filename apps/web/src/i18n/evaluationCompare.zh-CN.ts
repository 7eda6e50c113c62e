// 中文：评标委员会查阅与比较投标文件、价格检查、围标串标预警（决策 0028）。
const evaluationCompareZhCN = {
  evaluationCompare: {
    files: {
      title: '投标文件',
      preparing: '投标文件正在批量解密，部分文件暂不可查阅。',
      bidSummary: '开标一览表',
      size: '大小',
      part: '组成部分',
      name: '文件名',
      open: '打开',
      download: '下载',
      notReady: '解密中',
      reading: '正在读取「{{name}}」',
      empty: '没有可查阅的投标文件',
    },
    table: {
      title: '投标比较',
      bidder: '投标人',
      requirement: '招标文件要求',
      controlPrice: '最高投标限价',
      maxDuration: '工期上限',
      quality: '质量要求',
      bond: '投标保证金',
      none: '未规定',
      versusControl: '与最高投标限价之差',
      fromMean: '与平均值之差',
      deviations: '偏离',
      noDeviation: '无偏离',
      statistics: '统计',
      min: '最低',
      max: '最高',
      mean: '平均',
      days: '{{n}} 日历天',
      deviation: {
        missing: '{{field}}未填写',
        aboveControl: '报价超过最高投标限价',
        overDuration: '工期超过招标文件要求',
        belowQuality: '质量低于招标文件要求',
        bondMissing: '投标保证金不符合要求',
      },
    },
    flags: {
      title: '围标串标预警',
      note: '以下情形仅为评标委员会评审的线索，不等于认定围标串标。',
      none: '未发现异常投标行为',
      withoutFingerprint: '{{count}} 份投标文件没有制作环境特征，未参与设备与文件属性比对。',
      bidders: '涉及投标人',
      evidence: '依据',
      kinds: {
        sharedDevice: '不同投标人的投标文件在同一台设备上制作',
        sharedFileMetadata: '不同投标人的文件属性（作者、创建工具等）相同',
        identicalFile: '不同投标人的文件内容完全相同',
        identicalPrice: '不同投标人的投标报价完全相同',
        arithmeticPrices: '投标报价呈等差数列',
        closeSubmissions: '同一设备制作的投标文件先后在短时间内递交',
      },
      deviceHash: '设备特征值',
      fileMetaHash: '文件属性特征值',
      fileHash: '文件摘要（SM3）',
      price: '报价',
      step: '等差',
      span: '递交时间相差 {{seconds}} 秒',
    },
  },
};

export const evaluationCompareProblemsZhCN = {
  EVALUATION_BID_FILE_NOT_FOUND: '未找到该投标文件',
  EVALUATION_COPY_NOT_READY: '该文件尚在批量解密中，请稍后再试',
  EVALUATION_COPY_TAMPERED: '该文件的评标副本未通过完整性校验，已拒绝提供，请立即联系交易中心',
};

export default evaluationCompareZhCN;

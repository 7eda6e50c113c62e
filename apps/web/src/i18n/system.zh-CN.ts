// 中文：平台自身——时钟与国家授时中心的比对（F-07）、沙箱环境提示。
const systemZhCN = {
  system: {
    clock: {
      verified: '已校准',
      unverified: '未校准',
      verifiedHint: '服务器时钟已与国家授时中心校准，偏差在允许范围内',
      unverifiedHint: '服务器时钟暂未与授时服务器校准',
      open: '查看时间源',
    },
    sandbox: {
      title: '沙箱环境',
      body: '本平台当前对接的是模拟的外部系统（{{systems}}）：数据不会发送到真实系统，仅供演示和测试。',
      systems: { approval: '投资项目在线审批监管平台', publicService: '公共服务平台', designatedMedia: '国家指定媒介', supervision: '行政监督平台', bank: '保证金结算银行' },
    },
    time: {
      title: '时间源',
      subtitle:
        '平台时钟与授时服务器（默认国家授时中心）的比对：偏差超过限值或测量过期时，涉及时限的操作（发布公告、发出澄清、获取文件、时间戳）将暂停',
      state: '状态',
      states: { synchronised: '已校准', skewed: '偏差超限', stale: '测量过期', unmeasured: '尚未测量' },
      mode: '模式',
      modes: { strict: '严格：未校准时拒绝涉及时限的操作', lenient: '宽松（演示、开发）：只显示，不拒绝' },
      actions: '涉及时限的操作',
      allowed: '允许',
      refused: '暂停',
      offset: '时钟偏差',
      offsetHint: '正值表示平台时钟慢于授时服务器',
      delay: '往返时延',
      server: '应答的授时服务器',
      stratum: '层级（stratum）',
      measuredAt: '测量时间',
      servers: '配置的授时服务器',
      limits: '限值',
      limitsValue: '偏差不超过 {{ms}} 毫秒；测量结果有效 {{s}} 秒',
      lastFailure: '最近一次测量失败（{{at}}）',
      measure: '立即测量',
      measured: '测量完成：{{state}}',
      ms: '{{value}} 毫秒',
    },
  },
};

export default systemZhCN;

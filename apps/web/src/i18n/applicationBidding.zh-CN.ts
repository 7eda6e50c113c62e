// 简体中文：资格预审申请文件的编制与递交（决定 0023）。与投标相同，此处只列说法不同的词（资格预审申请文件、
// 申请截止时间…），其余沿用 bidding.*。The English file carries the same keys.
const applicationBiddingZhCN = {
  applicationBidding: {
    tab: '资格预审申请',
    obtainFirst: '请先下载资格预审文件，再编制和递交资格预审申请文件。',
    closed: '申请截止时间已到（以平台服务器时间为准），不能再递交、修改或撤回资格预审申请文件。',
    req: {
      title: '资格预审文件要求',
      instructions: '申请人须知要求',
      deadline: '申请截止时间',
      document: '资格预审文件',
      custodians: '开启解密',
      threshold: '任意 {{k}} / {{n}} 方共同解密（申请人本人可单独解密）',
      parts: '资格预审申请文件组成',
      fields: '申请一览表',
    },
    draft: { title: '有一份已加密、尚未递交完成的资格预审申请文件（{{time}} 加密）' },
    done: {
      submitted: '资格预审申请文件已递交，平台于 {{time}} 收到并签发回执',
      withdrawn: '资格预审申请文件已撤回（{{time}}）',
    },
    bids: {
      title: '我的资格预审申请文件与回执',
      new: '编制资格预审申请文件',
      none: '尚未递交资格预审申请文件',
      withdrawn: '资格预审申请文件已撤回，并已签发撤回回执',
      withdrawConfirm: '撤回资格预审申请文件？',
      documentChanged: '资格预审文件在您加密后已由澄清修改（第 {{from}} 版 → 第 {{to}} 版）',
      replace: '替换资格预审申请文件',
    },
    compose: {
      mode: { modify: '修改资格预审申请文件：重新编制全部内容，替换当前申请文件', supplement: '补充资格预审申请文件：新增或替换部分文件，其余保持不变' },
      summary: '申请一览表',
      files: '资格预审申请文件',
      sealAndSubmit: '签名、加密并递交资格预审申请文件',
    },
    receipt: {
      title: { submitted: '资格预审申请文件递交回执', withdrawn: '资格预审申请文件撤回回执' },
      entity: '申请人',
      manifestSm3: '申请文件清单 SM3',
    },
  },
};

export default applicationBiddingZhCN;

// The texts an applicant accepts at registration. The server records the version accepted and, for
// the commitment, the SHA-256 of the exact text signed, so a later edit cannot change what was promised.

export interface VersionedText {
  version: string;
  titleZh: string;
  titleEn: string;
  paragraphsZh: readonly string[];
}

export const USER_AGREEMENT: VersionedText = {
  version: '2026.1',
  titleZh: '鄂尔多斯市公共资源交易平台用户服务协议',
  titleEn: 'Platform user agreement',
  paragraphsZh: [
    '一、本平台由鄂尔多斯市公共资源交易中心运营，为市场主体提供公共资源交易全流程电子化服务。',
    '二、用户应当提供真实、准确、完整的注册信息，并在信息变更时及时申请变更；变更经核验后生效，核验前原信息继续有效。',
    '三、用户应当妥善保管账户、密码和数字证书，通过本账户和数字证书实施的行为视为用户本人行为。',
    '四、平台记录用户的全部操作及其时间，并按照法律法规要求保存和公开交易信息。',
    '五、用户不得利用平台从事围标串标、弄虚作假、以他人名义投标等违法违规行为，违者依法承担责任并纳入信用记录。',
    '六、平台依法保护用户的商业秘密和个人信息，投标文件在开标前任何人不能解密。',
  ],
};

export const INTEGRITY_COMMITMENT: VersionedText = {
  version: '2026.1',
  titleZh: '市场主体诚信承诺书（告知承诺制入库）',
  titleEn: 'Integrity commitment (instant admission)',
  paragraphsZh: [
    '本单位已知悉公共资源交易市场主体入库的条件和要求，郑重承诺：',
    '一、所填报的单位名称、统一社会信用代码、法定代表人等信息真实、准确、有效，与营业执照及有关证照一致；',
    '二、本单位未被列入严重失信主体名单，未处于被责令停业、投标资格被取消或者财产被接管、冻结、破产状态；',
    '三、自愿接受交易中心及行政监督部门的事后核查，核查发现承诺不实的，同意暂停入库资格，并承担相应法律责任，相关情况记入信用档案；',
    '四、遵守公共资源交易法律法规和平台规则，诚信参与交易活动。',
  ],
};

/** The exact text whose hash is recorded when an applicant signs. */
export function canonicalText(text: VersionedText): string {
  return [text.titleZh, `version ${text.version}`, ...text.paragraphsZh].join('\n');
}

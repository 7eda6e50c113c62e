import type { ThemeConfig } from 'antd';

/** Government-service blue, restrained radii, CJK-first type. */
export const BRAND = {
  primary: '#0b4ea2',
  deep: '#063a7c',
  accent: '#c8102e',
  gold: '#f5c542',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorLink: BRAND.primary,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', bodyBg: '#f3f5f9', footerBg: '#0f2447' },
  },
};

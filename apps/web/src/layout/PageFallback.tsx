import { Spin } from 'antd';

export function PageFallback() {
  return (
    <div className="page-loading">
      <Spin size="large" />
    </div>
  );
}

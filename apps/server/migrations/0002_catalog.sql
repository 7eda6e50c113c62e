-- Reference data: regions (GB/T 2260) and trading categories. Kept as rows so staff can extend
-- them without a release; the seed below is the city of Ordos and its nine banners/districts.
CREATE SCHEMA catalog;

CREATE TABLE catalog.region (
  code char(6) PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{5}$'),
  parent_code char(6) REFERENCES catalog.region (code),
  level text NOT NULL CHECK (level IN ('city', 'district')),
  name_zh text NOT NULL UNIQUE,
  name_en text NOT NULL,
  sort integer NOT NULL DEFAULT 0
);

INSERT INTO catalog.region (code, parent_code, level, name_zh, name_en, sort) VALUES
  ('150600', NULL, 'city', '鄂尔多斯市', 'Ordos City', 0),
  ('150602', '150600', 'district', '东胜区', 'Dongsheng District', 1),
  ('150603', '150600', 'district', '康巴什区', 'Kangbashi District', 2),
  ('150621', '150600', 'district', '达拉特旗', 'Dalad Banner', 3),
  ('150622', '150600', 'district', '准格尔旗', 'Jungar Banner', 4),
  ('150623', '150600', 'district', '鄂托克前旗', 'Otog Front Banner', 5),
  ('150624', '150600', 'district', '鄂托克旗', 'Otog Banner', 6),
  ('150625', '150600', 'district', '杭锦旗', 'Hanggin Banner', 7),
  ('150626', '150600', 'district', '乌审旗', 'Uxin Banner', 8),
  ('150627', '150600', 'district', '伊金霍洛旗', 'Ejin Horo Banner', 9);

CREATE TABLE catalog.trading_category (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-zA-Z]*$'),
  name_zh text NOT NULL UNIQUE,
  name_en text NOT NULL,
  must_enter boolean NOT NULL,
  legal_basis text NOT NULL,
  sort integer NOT NULL DEFAULT 0
);

INSERT INTO catalog.trading_category (code, name_zh, name_en, must_enter, legal_basis, sort) VALUES
  ('works', '工程建设', 'Construction works', true, '招标投标法第3条；必须招标的工程项目规定', 1),
  ('governmentProcurement', '政府采购', 'Government procurement', true, '政府采购法；内政办发〔2022〕8号第十条', 2),
  ('landMineral', '土地使用权和矿业权', 'Land use and mining rights', true, '内政办发〔2022〕8号第十条', 3),
  ('stateAssets', '国有产权', 'State-owned property rights', true, '企业国有资产交易监督管理办法', 4),
  ('medicalSupplies', '药品和医用耗材采购', 'Medicines and medical supplies', true, '内政办发〔2022〕8号第十条', 5),
  ('naturalResources', '自然资源与环境权益', 'Natural resources and environmental rights', false, '内政办发〔2022〕8号第十条', 6),
  ('other', '其他公共资源', 'Other public resources', false, '应进必进目录', 9);

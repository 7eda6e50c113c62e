/**
 * The demo road works' bill of quantities (工程量清单) as a costing tool exports it: the bidhall-boq
 * XML encoding (docs/boq-interface.md), imported through the route like any tenderer's file (A-64).
 * Two unit projects: the road itself (市政, codes 04…) and the small road maintenance building beside it
 * (房屋建筑与装饰, codes 01…: earthworks, concrete, masonry, rebar in t, doors in 樘).
 */
export const DEMO_BILL_OF_QUANTITIES_XML = `<?xml version="1.0" encoding="UTF-8"?>
<BillOfQuantities format="bidhall-boq" version="1">
  <Project name="东胜区天骄路（鄂尔多斯大街至吉劳庆街段）道路改造工程" compiler="鄂尔多斯市示范工程造价咨询有限公司" compiledOn="2026-02-20" software="广联达云计价 GCCP 6.0"/>
  <Unit name="天骄路 道路工程" code="01">
    <Division name="土石方工程" code="0401">
      <Item code="040101001001" name="挖一般土方" unit="m3" quantity="18650.00">
        <Features>1. 土壤类别：三类土
2. 挖土深度：1.5 m 内
3. 弃土运距：5 km</Features>
      </Item>
      <Item code="040103001001" name="回填方" unit="m3" quantity="6420.50">
        <Features>1. 密实度要求：≥ 93%
2. 填方材料品种：原土</Features>
      </Item>
    </Division>
    <Division name="道路工程" code="0402">
      <Item code="040202015001" name="水泥稳定碎石基层" unit="m2" quantity="42300.00">
        <Features>1. 水泥含量：5%
2. 厚度：36 cm（分两层）</Features>
      </Item>
      <Item code="040203006001" name="沥青混凝土面层" unit="m2" quantity="41800.00">
        <Features>1. 沥青品种：SBS 改性沥青
2. 石料粒径：AC-13C
3. 厚度：4 cm</Features>
      </Item>
      <Item code="040204002001" name="人行道块料铺设" unit="m2" quantity="9650.00">
        <Features>1. 块料品种、规格：透水砖 200×100×60
2. 基础、垫层：C15 混凝土 10 cm</Features>
      </Item>
    </Division>
  </Unit>
  <Unit name="道路养护管理用房 建筑与装饰工程" code="02">
    <Division name="土石方工程" code="0101">
      <Item code="010101001001" name="平整场地" unit="m2" quantity="286.40" features="土壤类别：三类土"/>
      <Item code="010101004001" name="挖基坑土方" unit="m3" quantity="312.75">
        <Features>1. 土壤类别：三类土
2. 挖土深度：2 m 内</Features>
      </Item>
    </Division>
    <Division name="砌筑工程" code="0104">
      <Item code="010401001001" name="砖基础" unit="m3" quantity="42.60">
        <Features>1. 砖品种、规格、强度等级：MU15 页岩实心砖
2. 砂浆强度等级：M10 水泥砂浆</Features>
      </Item>
      <Item code="010401003001" name="实心砖墙" unit="m3" quantity="118.35">
        <Features>1. 砖品种、规格、强度等级：MU10 页岩多孔砖
2. 墙体厚度：240 mm
3. 砂浆强度等级：M7.5 混合砂浆</Features>
      </Item>
    </Division>
    <Division name="混凝土及钢筋混凝土工程" code="0105">
      <Item code="010501003001" name="独立基础" unit="m3" quantity="36.80" features="混凝土强度等级：C30"/>
      <Item code="010502001001" name="矩形柱" unit="m3" quantity="18.24" features="混凝土强度等级：C30"/>
      <Item code="010505001001" name="有梁板" unit="m3" quantity="64.50" features="混凝土强度等级：C30"/>
      <Item code="010515001001" name="现浇构件钢筋" unit="t" quantity="14.862" features="钢筋种类、规格：HRB400 Φ10 以上"/>
      <Item code="010515001002" name="现浇构件钢筋" unit="t" quantity="3.215" features="钢筋种类、规格：HPB300 Φ10 以内"/>
    </Division>
    <Division name="门窗工程" code="0108">
      <Item code="010801001001" name="木质门" unit="樘" quantity="12">
        <Features>1. 门代号及洞口尺寸：M1021（1000×2100）
2. 镶嵌玻璃品种、厚度：无</Features>
      </Item>
      <Item code="010802003001" name="钢质防火门" unit="樘" quantity="2" features="门代号及洞口尺寸：FM乙1221（1200×2100）"/>
      <Item code="010807001001" name="金属（塑钢、断桥）窗" unit="樘" quantity="18" features="1. 窗代号及洞口尺寸：C1515
2. 玻璃品种、厚度：6+12A+6 中空玻璃"/>
    </Division>
    <Measures>
      <UnitPriceMeasure code="011701001001" name="综合脚手架" unit="m2" quantity="286.40">
        <Features>1. 建筑结构形式：框架
2. 檐口高度：4.5 m</Features>
      </UnitPriceMeasure>
      <UnitPriceMeasure code="011702001001" name="基础模板" unit="m2" quantity="58.20" features="基础类型：独立基础"/>
      <LumpSumMeasure code="011707001" name="安全文明施工"/>
      <LumpSumMeasure code="011707002" name="夜间施工"/>
      <LumpSumMeasure code="011707005" name="冬雨季施工"/>
    </Measures>
    <Others>
      <ProvisionalSum name="暂列金额" amountFen="30000000" remark="设计变更、现场签证及政策性调整"/>
      <MaterialPrice name="透水砖" specification="200×100×60" unit="m2" unitPriceFen="6800" quantity="9650"/>
      <Daywork category="labour" name="普工" unit="工日" quantity="80"/>
      <Daywork category="labour" name="技工" unit="工日" quantity="40"/>
      <Daywork category="material" name="水泥 P.O 42.5" unit="t" quantity="5"/>
      <Daywork category="machinery" name="履带式挖掘机 1 m³" unit="台班" quantity="3"/>
    </Others>
    <Fee name="社会保险费" basis="定额人工费"/>
    <Fee name="住房公积金" basis="定额人工费"/>
    <Tax name="增值税" basis="税前工程造价"/>
  </Unit>
</BillOfQuantities>
`;

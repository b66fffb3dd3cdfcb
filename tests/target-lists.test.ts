// Targets of issue 16 item 7: a year stated once for parallel lists reaches every value, and a size or sum
// that qualifies what is counted is not a target. Sentences written for the test in the style of the genre.
import { describe, expect, it } from '@jest/globals';
import { findTargets } from '../extractors/targets.js';
import { foldString } from '../model/normalize.js';

const find = (s: string) => findTargets(foldString(s), s).map((t) => [t.metric, t.comparator, t.value, t.unit, t.year]);

describe('parallel lists', () => {
  it('到2025年，A、B分别达到80%、90%: one target per metric, the year for each', () => {
    expect(find('到2025年，城市生活垃圾回收利用率、资源化利用率分别达到80%、90%。')).toEqual([
      ['城市生活垃圾回收利用率', '>=', 80, '%', 2025], ['资源化利用率', '>=', 90, '%', 2025],
    ]);
    expect(find('到2027年，全区装配式建筑占新建建筑面积比例、星级绿色建筑占比和超低能耗建筑面积分别达到40%、30%和20万平方米以上。')).toEqual([
      ['装配式建筑占新建建筑面积比例', '>=', 40, '%', 2027], ['星级绿色建筑占比', '>=', 30, '%', 2027], ['超低能耗建筑面积', '>=', 20, '万平方米', 2027],
    ]);
  });
  it('分别为 states the values of a list', () => {
    expect(find('到2026年，城市、县城污水处理率分别为98%、95%。')).toEqual([
      ['城市污水处理率', '=', 98, '%', 2026], ['县城污水处理率', '=', 95, '%', 2026],
    ]);
  });
  it('a value written without its unit takes the next one\'s; a change word stays on each metric', () => {
    expect(find('单位地区生产总值能耗、单位地区生产总值二氧化碳排放量同比分别下降3.5、4.2%。')).toEqual([
      ['单位地区生产总值能耗下降', '=', 3.5, '%', null], ['单位地区生产总值二氧化碳排放量下降', '=', 4.2, '%', null],
    ]);
  });
  it('a bare year before the lists is every value\'s year', () => {
    expect(find('2024年，主要农作物化肥利用率、农药利用率分别达到42%和43%。')).toEqual([
      ['主要农作物化肥利用率', '>=', 42, '%', 2024], ['农药利用率', '>=', 43, '%', 2024],
    ]);
  });
  it('one metric over a run of years: one value per year', () => {
    expect(find('2024至2026年，全县农村生活污水治理率分别达到55%、60%、65%。')).toEqual([
      ['农村生活污水治理率', '>=', 55, '%', 2024], ['农村生活污水治理率', '>=', 60, '%', 2025], ['农村生活污水治理率', '>=', 65, '%', 2026],
    ]);
  });
  it('qualifiers before a shared tail each take the tail', () => {
    // 公益性 and 经营性 share the tail 广告设施审批率: cut at 和, the first part names no quantity
    expect(find('到2026年，公益性和经营性广告设施审批率分别达到98%和92%。')).toEqual([
      ['公益性广告设施审批率', '>=', 98, '%', 2026], ['经营性广告设施审批率', '>=', 92, '%', 2026],
    ]);
    expect(find('到2025年，城市、农村生活污水处理率分别达到95%、60%。')).toEqual([
      ['城市生活污水处理率', '>=', 95, '%', 2025], ['农村生活污水处理率', '>=', 60, '%', 2025],
    ]);
    // an aside after the last qualifier is its own, not the tail's
    expect(find('国有、民营（含个体工商户）企业培训覆盖率分别达到90%、60%。').map((t) => t[0])).toEqual(['国有企业培训覆盖率', '民营（含个体工商户）企业培训覆盖率']);
  });
  it('lists that do not pair up give every value the whole metric', () => {
    // three values for two metrics
    expect(find('到2026年，城市、县城污水处理率分别达到98%、95%、90%。').map((t) => t[0])).toEqual(['城市、县城污水处理率', '城市、县城污水处理率', '城市、县城污水处理率']);
  });
  it('a verb of quantity after 分别 states the values of a list', () => {
    expect(find('“十四五”期间，化学需氧量、氨氮重点工程减排量分别完成1.2万吨、0.08万吨。')).toEqual([
      ['化学需氧量', '=', 1.2, '万吨', null], ['氨氮重点工程减排量', '=', 0.08, '万吨', null],
    ]);
    expect(find('城市、县城建成区绿地面积分别新增120公顷、80公顷。').map((t) => [t[0], t[1], t[2], t[3]])).toEqual([
      ['城市建成区绿地面积', '=', 120, '公顷'], ['县城建成区绿地面积', '=', 80, '公顷'],
    ]);
  });
});

describe('qualifiers are not targets', () => {
  it('a size or sum bounding the class counted', () => {
    expect(find('推动投资5000万元以上项目开工率达到90%以上。')).toEqual([['推动投资5000万元以上项目开工率', '>=', 90, '%', null]]);
    expect(find('全年实施投资1000万元以上技改项目200个以上。')).toEqual([['全年实施投资1000万元以上技改项目', '>=', 200, '个', null]]);
    expect(find('对投资500万元以上的项目实行清单化管理。')).toEqual([]);
    expect(find('建筑面积大于2万平方米的公共建筑执行二星级标准。')).toEqual([]);
    expect(find('年用水量1万立方米以上工业企业全部纳入重点监控。')).toEqual([]);
  });
  it('a quantity of work is still one', () => {
    expect(find('到2026年，累计完成30万平方米以上老旧厂房改造。')).toEqual([['完成老旧厂房改造', '>=', 30, '万平方米', 2026]]);
    expect(find('到2025年，70%以上行政村达到美丽乡村标准。')).toEqual([['行政村达到美丽乡村标准', '>=', 70, '%', 2025]]);
  });
});

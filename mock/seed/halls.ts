/**
 * Service halls of 玉门市. Window numbers are zoned per department (A = 综合受理
 * with no department, B… = one letter per department), as halls post them.
 * Hours follow the Gansu summer timetable (afternoons from 14:30).
 */
import type { OpeningPeriod } from '../../types/catalog'
import type { SeedHall } from './types'

const WEEKDAYS = [1, 2, 3, 4, 5]

/** 周一至周五 08:30–12:00, 14:30–18:00. */
export const weekdayOfficeHours: OpeningPeriod[] = [
  { weekdays: WEEKDAYS, opens: '08:30', closes: '12:00' },
  { weekdays: WEEKDAYS, opens: '14:30', closes: '18:00' },
]

const OFFICE_HOURS_TEXT = '周一至周五 上午08:30—12:00，下午14:30—18:00（法定节假日除外，调休上班日正常办公）'

export const halls: SeedHall[] = [
  {
    key: 'civic',
    name: '玉门市市民中心',
    address: '甘肃省酒泉市玉门市新市区迎宾路与玉泉路交汇处 玉门市市民中心一楼',
    latitude: 40.2917,
    longitude: 97.0462,
    phone: '0937-3212345',
    hoursText: OFFICE_HOURS_TEXT,
    openingPeriods: weekdayOfficeHours,
    transit: '乘坐玉门市公交1路、3路至“市民中心”站下车，向北步行约100米；中心东侧设有免费停车场。',
    windows: [
      { number: 'A01', name: '综合受理窗口（无差别受理）', departmentKey: null },
      { number: 'A02', name: '综合受理窗口（无差别受理）', departmentKey: null },
      { number: 'A03', name: '综合出件窗口', departmentKey: null },
      { number: 'B01', name: '市场主体登记窗口', departmentKey: 'scjg' },
      { number: 'B02', name: '市场主体登记窗口', departmentKey: 'scjg' },
      { number: 'B03', name: '食品药品许可窗口', departmentKey: 'scjg' },
      { number: 'C01', name: '就业创业服务窗口', departmentKey: 'rsj' },
      { number: 'C02', name: '社会保险经办窗口', departmentKey: 'rsj' },
      { number: 'C03', name: '社会保障卡服务窗口', departmentKey: 'rsj' },
      { number: 'D01', name: '户政业务窗口', departmentKey: 'ga' },
      { number: 'D02', name: '居民身份证受理窗口', departmentKey: 'ga' },
      { number: 'E01', name: '道路运输许可窗口', departmentKey: 'jt' },
      { number: 'E02', name: '从业资格服务窗口', departmentKey: 'jt' },
      { number: 'F01', name: '婚姻登记窗口', departmentKey: 'mz' },
      { number: 'F02', name: '社会救助窗口', departmentKey: 'mz' },
    ],
  },
  {
    key: 'realEstate',
    name: '玉门市不动产登记中心',
    address: '甘肃省酒泉市玉门市新市区建设路自然资源局综合楼一楼',
    latitude: 40.2874,
    longitude: 97.0528,
    phone: '0937-3326616',
    hoursText: OFFICE_HOURS_TEXT,
    openingPeriods: weekdayOfficeHours,
    transit: '乘坐玉门市公交2路至“自然资源局”站下车即到；距玉门市市民中心约1公里。',
    windows: [
      { number: 'A01', name: '综合受理窗口（登记、交易、税务一窗受理）', departmentKey: null },
      { number: 'B01', name: '不动产登记受理窗口', departmentKey: 'bdc' },
      { number: 'B02', name: '不动产登记受理窗口', departmentKey: 'bdc' },
      { number: 'B03', name: '抵押登记（银行专窗）', departmentKey: 'bdc' },
      { number: 'B04', name: '登记资料查询窗口', departmentKey: 'bdc' },
      { number: 'B05', name: '缴费发证窗口', departmentKey: 'bdc' },
    ],
  },
]

import { describe, expect, it } from 'vitest';
import { isValidSyllable, placeTone, skeletonOf, splitTone } from './orthography.ts';

const VALID = [
  'a',
  'ba',
  'kết',
  'luận',
  'tổ',
  'chức',
  'đổi',
  'mới',
  'phương',
  'nhiệm',
  'vụ',
  'quốc',
  'công',
  'trình',
  'hoàn',
  'thành',
  'còn',
  'nghiêng',
  'khuya',
  'khuỷu',
  'thuở',
  'quyết',
  'quyền',
  'quý',
  'quên',
  'gì',
  'gìn',
  'giữ',
  'giếng',
  'già',
  'yêu',
  'yên',
  'uy',
  'ủy',
  'thủy',
  'hóa',
  'khỏe',
  'oa',
  'ngoài',
  'người',
  'ươm',
  'kỳ',
  'ký',
  'kiến',
  'ghế',
  'nghề',
  'ngày',
  'xoong',
  'boong',
  'hoạch',
  'khuếch',
  'huỳnh',
  'tuyết',
  'TỔ',
  'Quảng',
  'NHIỆM',
  'ích',
  'ấp',
  'ước',
  'ạch',
  'trường',
  'nhược',
  'xuân',
  'luật',
  'quá',
  'qua',
];
const INVALID = [
  ['Ket', 'no tone on a -t syllable'],
  ['quôc', 'no tone on a -c syllable'],
  ['kêt', 'no tone on a -t syllable'],
  ['thàt', 'huyền on a -t syllable'],
  ['cảch', 'hỏi on a -ch syllable'],
  ['cịn', 'c before i'],
  ['ce', 'c before e'],
  ['cê', 'c before ê'],
  ['cy', 'c before y'],
  ['ka', 'k before a'],
  ['ghà', 'gh before a'],
  ['nghá', 'ngh before a'],
  ['ngế', 'ng before ê'],
  ['gế', 'g before ê'],
  ['phưong', 'ưo must be ươ'],
  ['cơng', 'ơng is no rhyme'],
  ['inới', 'no onset "in"'],
  ['yụ', 'y is no onset'],
  ['thưcmg', 'no such rhyme'],
  ['tiên̉', 'not NFC letters'],
  ['tuyêt', 'no tone on a -t syllable'],
  ['hóá', 'two tone marks'],
  ['ă', 'ă needs a coda'],
  ['uô', 'uô needs a coda'],
  ['iên', 'iê without an onset is spelled yê'],
  ['tyên', 'yê after an onset is spelled iê'],
  ['quoa', 'no glide after qu'],
  ['coa', 'c before a glide is qu'],
  ['q', 'q without u'],
  ['zô', 'z is not a Vietnamese letter'],
  ['KL', 'acronym'],
  ['', 'empty'],
] as const;

describe('isValidSyllable', () => {
  it.each(VALID)('accepts %s', (syllable) => {
    expect(isValidSyllable(syllable)).toBe(true);
  });
  it.each(INVALID)('rejects %s (%s)', (syllable) => {
    expect(isValidSyllable(syllable)).toBe(false);
  });
  it('is case-insensitive', () => {
    expect(isValidSyllable('NGHIÊNG')).toBe(true);
    expect(isValidSyllable('Nghiêng')).toBe(true);
  });
});

describe('tone helpers', () => {
  it('splits the tone from the letters', () => {
    expect(splitTone('Kết')).toMatchObject({ base: 'Kêt', tone: 2, toneIndex: 1 });
    expect(splitTone('tin')).toMatchObject({ base: 'tin', tone: 0, toneIndex: -1 });
  });
  it('places the tone by the plans’ convention', () => {
    expect(placeTone('hoa', 2)).toBe('hóa');
    expect(placeTone('thuy', 3)).toBe('thủy');
    expect(placeTone('hoan', 1)).toBe('hoàn');
    expect(placeTone('người'.replace('ờ', 'ơ'), 1)).toBe('người');
    expect(placeTone('quy', 2)).toBe('quý');
    expect(placeTone('gi', 1)).toBe('gì');
    expect(placeTone('gia', 1)).toBe('già');
  });
  it('reduces words to ASCII skeletons', () => {
    expect(skeletonOf('Phường')).toBe('phuong');
    expect(skeletonOf('đổi')).toBe('doi');
  });
});

import { mediaTypeOf } from './media-type.guard';

describe('mediaTypeOf', () => {
  it.each([
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    ['Text/CSV ; charset=UTF-8', 'text/csv'],
    ['multipart/form-data; boundary=x', 'multipart/form-data'],
    ['', ''],
    [undefined, ''],
  ])('%p → %p', (header, type) => {
    expect(mediaTypeOf(header)).toBe(type);
  });
});

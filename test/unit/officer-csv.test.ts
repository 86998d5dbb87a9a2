import { describe, expect, it } from 'vitest';
import { parseOfficerCsv } from '../../shared/domain/officer-csv';

const header = 'staffNumber,name,capabilities,vetting,pipLevel,region';

describe('parsing an officer CSV export', () => {
  it('reads rows with quoted cells, a BOM, Windows line ends and capability lists', () => {
    const text = `\uFEFF${header}\r\nTIT-1,"Doyle, Siobhan",cyber;Digital-Forensics,SC,2,North-West\r\n`;
    const { rows, errors } = parseOfficerCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        officer: expect.objectContaining({
          staffNumber: 'TIT-1',
          name: 'Doyle, Siobhan',
          capabilities: ['cyber', 'digital-forensics'],
          vetting: 'sc',
          pipLevel: 2,
          region: 'north-west',
          status: 'active',
        }),
      },
    ]);
  });

  it('header names are matched case-insensitively and columns may come in any order', () => {
    const { rows, errors } = parseOfficerCsv('REGION,Vetting,Name,StaffNumber\nwales,nppv3,Rhys Evans,TAR-9');
    expect(errors).toEqual([]);
    expect(rows[0]?.officer).toMatchObject({ staffNumber: 'TAR-9', capabilities: [], pipLevel: 0 });
  });

  it('row numbers are spreadsheet lines: the header is row 1', () => {
    const { errors } = parseOfficerCsv(`${header}\nTIT-1,Ok,cyber,sc,2,north-west\nTIT-2,Bad,cyber,sc,7,north-west`);
    expect(errors).toEqual([{ row: 3, field: 'pipLevel', message: expect.stringMatching(/PIP level/) }]);
  });

  it('a row with more cells than the header is an error, not a silent truncation', () => {
    const { errors } = parseOfficerCsv(`${header}\nTIT-1,A,cyber,sc,2,north-west,extra`);
    expect(errors[0]).toMatchObject({ row: 2 });
  });

  it('an empty file, or one with only unknown columns, fails as a whole', () => {
    expect(parseOfficerCsv('').errors[0]).toMatchObject({ row: 1 });
    const { rows, errors } = parseOfficerCsv('rank\nDS');
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.field)).toEqual(['rank', 'staffNumber', 'name', 'vetting', 'region']);
  });

  it('an unterminated quote is reported, not thrown', () => {
    const { errors } = parseOfficerCsv(`${header}\nTIT-1,"Unclosed,cyber,sc,2,north-west`);
    expect(errors[0]?.message).toMatch(/Not readable as CSV/);
  });
});

describe('CSV cells are held to the same text rules as the API', () => {
  it('a NUL or another control character in a cell is an error on that row and column; the other rows still import', () => {
    const { rows, errors } = parseOfficerCsv(`${header}\nTIT-1,Siobhan\u0000Doyle,cyber,sc,2,north-west\nTIT-2,Rhys\u001bEvans,,sc,1,north-west\nTIT-3,Ann Lee,,sc,1,north-west`);
    expect(rows.map((r) => r.officer.staffNumber)).toEqual(['TIT-3']);
    expect(errors).toEqual([
      { row: 2, field: 'name', message: expect.stringMatching(/control characters/) },
      { row: 3, field: 'name', message: expect.stringMatching(/control characters/) },
    ]);
  });

  it('a lone surrogate in a cell is refused; a whole emoji is not', () => {
    const { rows, errors } = parseOfficerCsv(`${header}\nTIT-1,Ann \ud800Lee,,sc,1,north-west\nTIT-2,Ann 😀 Lee,,sc,1,north-west`);
    expect(errors).toEqual([{ row: 2, field: 'name', message: expect.stringMatching(/unpaired surrogates/) }]);
    expect(rows.map((r) => r.officer.name)).toEqual(['Ann 😀 Lee']);
  });

  it('a cell longer than its field allows is refused', () => {
    const { errors } = parseOfficerCsv(`${header}\nTIT-1,${'A'.repeat(121)},,sc,1,north-west`);
    expect(errors).toEqual([{ row: 2, field: 'name', message: expect.stringMatching(/120/) }]);
  });

  it('an unknown header with a control character is named escaped, not echoed raw', () => {
    const { errors } = parseOfficerCsv(`${header},bad\u0000col\nTIT-1,Ann Lee,,sc,1,north-west,x`);
    expect(errors[0]).toMatchObject({ row: 1, field: 'bad\\u0000col' });
    expect(errors[0]!.message).not.toContain('\u0000');
  });
});

describe('the import report speaks plainly', () => {
  const head = 'staffNumber,name,vetting,region,vettingExpiresOn,pipLevel,email';
  it('a bad cell is told as the column’s rule, not as a schema message', () => {
    const { errors } = parseOfficerCsv(`${head}\nT-1,Ann Lee,secret,north-west,,,\nT-2,Bo Ray,sc,narnia,,9,not-an-email`);
    expect(errors).toEqual([
      { row: 2, field: 'vetting', message: 'Vetting must be one of NPPV2, NPPV3, SC, DV' },
      { row: 3, field: 'pipLevel', message: 'PIP level must be a whole number from 0 (none) to 4' },
      { row: 3, field: 'region', message: expect.stringMatching(/^Region must be one of north-east, .*south-east$/) },
      { row: 3, field: 'email', message: 'Email must be an email address, such as name@example.org' },
    ]);
  });

  it('UK dates (31/12/2028) are read as well as ISO ones; a date that does not exist is refused in words', () => {
    const { rows, errors } = parseOfficerCsv(`${head}\nT-1,Ann Lee,sc,north-west,31/12/2028,,\nT-2,Bo Ray,sc,north-west,2028-12-31,,\nT-3,Cy Dee,sc,north-west,1/2/2029,,\nT-4,Di Eve,sc,north-west,31/02/2028,,`);
    expect(rows.map((r) => r.officer.vettingExpiresOn)).toEqual(['2028-12-31', '2028-12-31', '2029-02-01']);
    expect(errors).toEqual([{ row: 5, field: 'vettingExpiresOn', message: expect.stringMatching(/^Vetting expiry must be a real date, written 31\/12\/2028 or 2028-12-31/) }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { joinPath, renderGithubAnnotations } from '../../src/report/index.js';
import { DIAGNOSTICS } from './fixtures.js';

describe('renderGithubAnnotations', () => {
  it('writes errors first as ::error and warnings as ::warning, with repo-relative files', () => {
    const { text, shown, rest } = renderGithubAnnotations(DIAGNOSTICS, { pathPrefix: 'docs' });
    expect(text.split('\n')).toEqual([
      '::error file=docs/guides/install.md,line=3,col=9,title=pylon-kb author/unknown::Unknown author "jane@acme.test". (field: author)%0ADid you mean jane.doe@acme.test?',
      '::warning file=docs/guides/a%2Cb%3Ac.md,line=12,title=pylon-kb link/broken::Link to ./missing.md, does not resolve: 100%25 broken%0Asecond line',
      '',
    ]);
    expect([shown, rest]).toEqual([2, 0]);
  });

  it('escapes data and properties so no message can start another command', () => {
    const d: Diagnostic = {
      severity: 'error',
      code: 'x:y,z',
      message: 'a%b\r\n::warning::injected',
      file: 'we,ird:name%.md',
    };
    const { text } = renderGithubAnnotations([d]);
    expect(text).toBe(
      '::error file=we%2Cird%3Aname%25.md,title=pylon-kb x%3Ay%2Cz::a%25b%0D%0A::warning::injected\n',
    );
    expect(text.trimEnd().split('\n')).toHaveLength(1);
  });

  it('shows only the first max and reports the rest', () => {
    const many: Diagnostic[] = Array.from({ length: 14 }, (_, i) => ({
      severity: i === 13 ? 'error' : 'warning',
      code: 'c',
      message: `m${i}`,
      file: `f${String(i).padStart(2, '0')}.md`,
    }));
    const ten = renderGithubAnnotations(many);
    expect([ten.shown, ten.rest]).toEqual([10, 4]);
    expect(ten.text.split('\n')[0]).toContain('::error file=f13.md');
    const three = renderGithubAnnotations(many, { max: 3 });
    expect([three.shown, three.rest]).toEqual([3, 11]);
    expect(renderGithubAnnotations([])).toEqual({ text: '', shown: 0, rest: 0 });
  });

  it('leaves config file paths alone and omits location without a file', () => {
    const config: Diagnostic = {
      severity: 'error',
      code: 'config/invalid',
      message: 'bad',
      file: 'pylon-kb.config.ts',
      line: 4,
    };
    const loose: Diagnostic = { severity: 'warning', code: 'authors/none', message: 'no authors', line: 3 };
    const { text } = renderGithubAnnotations([config, loose], { pathPrefix: 'site/docs' });
    expect(text).toContain('::error file=pylon-kb.config.ts,line=4,title=pylon-kb config/invalid::bad');
    expect(text).toContain('::warning title=pylon-kb authors/none::no authors');
  });

  it('joins path prefixes the way people write them', () => {
    expect(joinPath('./docs/', 'a/b.md')).toBe('docs/a/b.md');
    expect(joinPath('', 'a.md')).toBe('a.md');
    expect(joinPath('.', './a.md')).toBe('a.md');
    expect(joinPath('site\\docs', 'x.md')).toBe('site/docs/x.md');
    expect(joinPath(undefined, 'x.md')).toBe('x.md');
  });
});

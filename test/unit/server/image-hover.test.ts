import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageHover } from '../../../server/src/lsp/image-hover';

describe('image hover', () => {
  it('says when the release of the image under the cursor reached its end of life, and what to move to', () => {
    const hover = imageHover('FROM python:3.5-slim-stretch\n', 'dockerfile', { line: 0, character: 8 });
    assert.match(
      String(hover),
      /\*\*End of life:\*\* Python 3\.5 on Debian 9 \(stretch\), security support ended on 2020-09-13 and 2022-06-30; move to a supported release such as python:/,
    );
  });

  it('calls a moving tag unpinned, as latest, with no end-of-life line', () => {
    const hover = String(imageHover('services:\n  web:\n    image: node:lts-alpine\n', 'compose', { line: 2, character: 14 }));
    assert.match(hover, /\*\*Pinning:\*\* not pinned/);
    assert.doesNotMatch(hover, /End of life/);
  });
});

import { describe, expect, it } from 'vitest';
import { fileNameOf, originalFileNameOf } from '../../src/core/image-files';

describe('fileNameOf', () => {
  it('names the file an address names, decoded and in lower case, without its query', () => {
    expect(fileNameOf('/uploads/Bridge-at%20Dawn.JPG?w=800')).toBe('bridge-at dawn.jpg');
    expect(originalFileNameOf('https://x.example/Bridge-680x365_c.jpg')).toBe('bridge.jpg');
  });

  it("names the picture a resizing script's query holds, not the script", () => {
    expect(fileNameOf('/image.php?src=/images/posts/Post16615.jpg&w=1280')).toBe('post16615.jpg');
    expect(fileNameOf('https://cdn.example/resize?url=https%3A%2F%2Fx.example%2Fa%2Fcrane.webp%3Fv%3D2&w=640')).toBe('crane.webp');
    // A query that names no picture leaves the script's own name.
    expect(fileNameOf('/image.php?id=42')).toBe('image.php');
  });
});

import { registerOffscreenSourceReader } from '@/lib/sources/offscreen-source-reader';

registerOffscreenSourceReader();

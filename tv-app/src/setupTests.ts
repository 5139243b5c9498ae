// jsdom lacks TextEncoder, which the qrcode package uses (every TV browser has it).
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

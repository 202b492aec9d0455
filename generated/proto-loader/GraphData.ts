// Original file: protos/gcn.proto

import type { Node as _Node, Node__Output as _Node__Output } from './Node';
import type { Edge as _Edge, Edge__Output as _Edge__Output } from './Edge';

export interface GraphData {
  'nodes'?: (_Node)[];
  'edges'?: (_Edge)[];
}

export interface GraphData__Output {
  'nodes': (_Node__Output)[];
  'edges': (_Edge__Output)[];
}

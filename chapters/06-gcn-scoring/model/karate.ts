// Zachary's karate club (1977): 34 members, 78 friendships, and a club that
// split in two after a conflict between the instructor, "Mr. Hi" (member 0),
// and the administrator, "Officer" (member 33). graphology-generators ships
// the graph with each member's club after the split. The classic exercise:
// tell the GCN only the two leaders' clubs, and see how many of the other 32
// it places right from the friendships alone.
import { UndirectedGraph } from 'graphology';
import { karateClub } from 'graphology-generators/social';
import { normalizedAdjacency } from './adjacency.ts';
import { scoreGraph } from './gcn.ts';
import { decodeGraph } from '../codec/graph-decoder.ts';
import { encodeGraph, type GraphMessage } from '../codec/graph-encoder.ts';
import type { Graph as ModelGraph } from './graph.ts';
import { trainedModel, type GcnModel } from './models.ts';
import { trainGcn, type LabelledNode, type TrainingOptions } from './train.ts';

/** The values of the `club` attribute in graphology-generators' karate club. */
export type Club = 'Mr. Hi' | 'Officer';

/** The club the scores are the probability of: a score ≥ 0.5 says "Mr. Hi". */
export const SCORED_CLUB: Club = 'Mr. Hi';
export const INSTRUCTOR = '0';
export const ADMINISTRATOR = '33';

export interface KarateClub {
  /** The request to send: ids "0" to "33", features the identity (member i has a 1 in place i). */
  request: GraphMessage;
  /** The same, as the model reads it. */
  graph: ModelGraph;
  /** Each member's real club, by id. */
  clubs: ReadonlyMap<string, Club>;
  /** Friendships, for drawing. */
  edges: readonly [string, string][];
}

export function loadKarateClub(): KarateClub {
  const club = karateClub(UndirectedGraph);
  const ids = club.nodes();
  const clubs = new Map(ids.map((id): [string, Club] => [id, club.getNodeAttribute(id, 'club') as Club]));
  const edges = club.mapEdges((_edge, _attributes, source, target): [string, string] => [source, target]);
  // Identity features: the network knows nothing about a member but who they
  // are, so all it can learn from is who is friends with whom.
  const request: GraphMessage = {
    nodes: ids.map((id, i) => ({ id, features: ids.map((_, j) => (i === j ? 1 : 0)) })),
    edges: edges.map(([source_id, target_id]) => ({ source_id, target_id })),
  };
  // The service's own decoder turns the request into the model's form, checks included.
  return { request, graph: decodeGraph(encodeGraph(request)), clubs, edges };
}

/** Kipf & Welling's hidden width and weight decay; 200 steps of 0.5 bring the loss near its floor. */
export const KARATE_TRAINING: TrainingOptions = {
  hiddenWidth: 16,
  epochs: 200,
  learningRate: 0.5,
  weightDecay: 5e-4,
  seed: 1,
};

/** Trains on the two leaders' clubs only. */
export function trainOnLeaders(karate: KarateClub, options: TrainingOptions = KARATE_TRAINING): GcnModel {
  const { graph } = karate;
  const labelled: LabelledNode[] = [INSTRUCTOR, ADMINISTRATOR].map((id) => ({
    node: graph.ids.indexOf(id),
    label: karate.clubs.get(id) === SCORED_CLUB ? 1 : 0,
  }));
  const adjacency = normalizedAdjacency(graph.ids.length, graph.sources, graph.targets);
  const { weights } = trainGcn(adjacency, graph.features, graph.featureWidth, labelled, options);
  return trainedModel(weights, `karate-club GCN trained on members ${INSTRUCTOR} and ${ADMINISTRATOR}, seed ${options.seed}`);
}

/** The members whose score puts them in the wrong club. */
export function misplaced(karate: KarateClub, scores: ReadonlyMap<string, number>): string[] {
  return [...karate.clubs].filter(([id, club]) => (scores.get(id)! >= 0.5) !== (club === SCORED_CLUB)).map(([id]) => id);
}

/** Scores computed in-process, as the server computes them: member id → score. */
export function scoreMembers(karate: KarateClub, model: GcnModel): Map<string, number> {
  const scores = scoreGraph(karate.graph, model.weightsFor(karate.graph.featureWidth));
  return new Map(karate.graph.ids.map((id, i) => [id, scores[i]]));
}

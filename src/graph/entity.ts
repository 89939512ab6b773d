import { createUnionType } from "type-graphql";
import { Role } from "../roles/role.type.js";
import { Skill } from "../skills/skill.type.js";
import { Technology } from "../technologies/technology.type.js";
import { Track } from "../tracks/track.type.js";

export const ENTITY_LABELS = ["Role", "Skill", "Technology", "Track"] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** A node of the union as the repositories return it: its fields plus the label it came with. */
export type EntityNode = (Role | Skill | Technology | Track) & { __label: EntityLabel };

export const tagged = (label: EntityLabel, item: object): EntityNode =>
  ({ ...item, __label: label }) as EntityNode;

const TYPES = { Role, Skill, Technology, Track } as const;

export const Entity = createUnionType({
  name: "Entity",
  description: "Any node a client can browse: a role, skill, technology or track.",
  types: () => [Role, Skill, Technology, Track] as const,
  resolveType: (value) => TYPES[(value as EntityNode).__label],
});

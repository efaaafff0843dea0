-- CreateEnum
CREATE TYPE "EditingPolicy" AS ENUM ('DRAFTERS', 'SECRETARIAT', 'NOBODY');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'RELEASED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "TransitionStatus" AS ENUM ('PROPOSED', 'DECIDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "StageDecision" AS ENUM ('APPROVE', 'SEND_BACK', 'REPEAT', 'ABANDON');

-- CreateEnum
CREATE TYPE "BallotStatus" AS ENUM ('OPEN', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('APPROVE', 'APPROVE_WITH_COMMENTS', 'DISAPPROVE', 'ABSTAIN');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "numberPattern" TEXT NOT NULL DEFAULT '{prefix} {seq:3}—{year}';

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "editingPolicy" "EditingPolicy" NOT NULL DEFAULT 'DRAFTERS',
ADD COLUMN     "implementedOn" DATE,
ADD COLUMN     "publishedOn" DATE,
ADD COLUMN     "releasedVersionId" TEXT,
ADD COLUMN     "stageEnteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "stageModelId" TEXT,
ADD COLUMN     "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE';

-- AlterTable
ALTER TABLE "CommentPeriod" ADD COLUMN     "observersMayComment" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "versionId" TEXT,
ADD COLUMN     "voteId" TEXT;

-- CreateTable
CREATE TABLE "StandardNumberCounter" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StandardNumberCounter_pkey" PRIMARY KEY ("organizationId","year")
);

-- CreateTable
CREATE TABLE "StageModel" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StageModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditSession" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clauseIds" TEXT[],
    "updates" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EditSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "fileName" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "StageTransition" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "status" "TransitionStatus" NOT NULL DEFAULT 'PROPOSED',
    "note" TEXT NOT NULL DEFAULT '',
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "StageDecision",
    "resultStage" TEXT,
    "decisionReason" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "versionId" TEXT,

    CONSTRAINT "StageTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "transitionId" TEXT,
    "versionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "presetKey" TEXT NOT NULL DEFAULT '',
    "rule" JSONB NOT NULL,
    "eligible" JSONB NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "status" "BallotStatus" NOT NULL DEFAULT 'OPEN',
    "result" JSONB,
    "remindedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "organization" TEXT NOT NULL DEFAULT '',
    "choice" "VoteChoice" NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '',
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" TIMESTAMP(3),
    "changes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StageModel_organizationId_key_key" ON "StageModel"("organizationId", "key");

-- CreateIndex
CREATE INDEX "EditSession_documentId_endedAt_idx" ON "EditSession"("documentId", "endedAt");

-- CreateIndex
CREATE INDEX "EditSession_documentId_userId_endedAt_idx" ON "EditSession"("documentId", "userId", "endedAt");

-- CreateIndex
CREATE INDEX "Asset_documentId_idx" ON "Asset"("documentId");

-- CreateIndex
CREATE INDEX "StageTransition_projectId_status_idx" ON "StageTransition"("projectId", "status");

-- CreateIndex
CREATE INDEX "Ballot_projectId_idx" ON "Ballot"("projectId");

-- CreateIndex
CREATE INDEX "Ballot_status_closesAt_idx" ON "Ballot"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_ballotId_voterId_key" ON "Vote"("ballotId", "voterId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_standardNumber_key" ON "Project"("standardNumber");

-- CreateIndex
CREATE INDEX "Comment_versionId_idx" ON "Comment"("versionId");

-- AddForeignKey
ALTER TABLE "StandardNumberCounter" ADD CONSTRAINT "StandardNumberCounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageModel" ADD CONSTRAINT "StageModel_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_stageModelId_fkey" FOREIGN KEY ("stageModelId") REFERENCES "StageModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditSession" ADD CONSTRAINT "EditSession_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageTransition" ADD CONSTRAINT "StageTransition_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_transitionId_fkey" FOREIGN KEY ("transitionId") REFERENCES "StageTransition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;


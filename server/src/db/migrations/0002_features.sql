CREATE TABLE "bundle_members" (
	"bundle_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "bundle_members_bundle_id_matter_id_pk" PRIMARY KEY("bundle_id","matter_id")
);
--> statement-breakpoint
CREATE TABLE "bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"audience" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bundles_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "prereview_number_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prereviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"client_key" uuid NOT NULL,
	"matter_id" uuid,
	"bundle_id" uuid,
	"number" text,
	"status" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"delivery_mode" text,
	"delivery_address" text,
	"applicant_name" text,
	"applicant_id_number" text,
	"applicant_phone" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prereviews_number_unique" UNIQUE("number"),
	CONSTRAINT "prereviews_client_key" UNIQUE("citizen_id","client_key"),
	CONSTRAINT "prereviews_target" CHECK (("prereviews"."matter_id" IS NULL) <> ("prereviews"."bundle_id" IS NULL)),
	CONSTRAINT "prereviews_status" CHECK ("prereviews"."status" IN ('draft', 'submitted', 'returned', 'passed', 'refused', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "prereview_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prereview_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"pending_since" timestamp with time zone,
	"due_at" timestamp with time zone,
	"deadline_unpublished" boolean DEFAULT false NOT NULL,
	"claimed_by" uuid,
	"claim_expires_at" timestamp with time zone,
	"reply" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"tolerance" jsonb,
	"case_id" uuid,
	"query_password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prereview_parts_matter" UNIQUE("prereview_id","matter_id"),
	CONSTRAINT "prereview_parts_status" CHECK ("prereview_parts"."status" IN ('waiting', 'pending', 'passed', 'tolerated', 'returned', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "prereview_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prereview_id" uuid NOT NULL,
	"slot_key" uuid NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "prereview_files_bytes" CHECK ("prereview_files"."bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "prereview_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prereview_id" uuid NOT NULL,
	"part_id" uuid,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"slot_key" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prereview_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"slot_key" uuid NOT NULL,
	"round" integer NOT NULL,
	"verdict" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"staff_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prereview_verdicts_one" UNIQUE("part_id","slot_key","round"),
	CONSTRAINT "prereview_verdicts_verdict" CHECK ("prereview_verdicts"."verdict" IN ('pass', 'return'))
);
--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_materials" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_promised_on" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_fulfilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bundle_members" ADD CONSTRAINT "bundle_members_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_members" ADD CONSTRAINT "bundle_members_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereviews" ADD CONSTRAINT "prereviews_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereviews" ADD CONSTRAINT "prereviews_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereviews" ADD CONSTRAINT "prereviews_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_claimed_by_staff_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_parts" ADD CONSTRAINT "prereview_parts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_files" ADD CONSTRAINT "prereview_files_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_events" ADD CONSTRAINT "prereview_events_prereview_id_prereviews_id_fk" FOREIGN KEY ("prereview_id") REFERENCES "public"."prereviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_events" ADD CONSTRAINT "prereview_events_part_id_prereview_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."prereview_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_events" ADD CONSTRAINT "prereview_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_verdicts" ADD CONSTRAINT "prereview_verdicts_part_id_prereview_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."prereview_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prereview_verdicts" ADD CONSTRAINT "prereview_verdicts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bundle_members_matter" ON "bundle_members" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "prereviews_citizen" ON "prereviews" USING btree ("citizen_id","updated_at");--> statement-breakpoint
CREATE INDEX "prereview_parts_queue" ON "prereview_parts" USING btree ("department_id","status","due_at");--> statement-breakpoint
CREATE INDEX "prereview_files_material" ON "prereview_files" USING btree ("prereview_id","slot_key");--> statement-breakpoint
CREATE INDEX "prereview_events_prereview" ON "prereview_events" USING btree ("prereview_id","at");
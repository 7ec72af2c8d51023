CREATE TABLE "subscription_credits" (
	"citizen_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"remaining" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_credits_citizen_id_template_id_pk" PRIMARY KEY("citizen_id","template_id"),
	CONSTRAINT "subscription_credits_remaining" CHECK ("subscription_credits"."remaining" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"template" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"last_error_message" text,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_notification_id_unique" UNIQUE("notification_id")
);
--> statement-breakpoint
CREATE TABLE "bundle_members" (
	"bundle_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"omit_materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
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
CREATE TABLE "appointment_slot_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" text NOT NULL,
	"length_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_slot_templates_weekday" CHECK ("appointment_slot_templates"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "appointment_slot_templates_start" CHECK ("appointment_slot_templates"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "appointment_slot_templates_length" CHECK ("appointment_slot_templates"."length_minutes" BETWEEN 5 AND 240),
	CONSTRAINT "appointment_slot_templates_capacity" CHECK ("appointment_slot_templates"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hall_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hall_closures_dates" CHECK ("hall_closures"."from_date" ~ '^\d{4}-\d{2}-\d{2}$' AND "hall_closures"."to_date" ~ '^\d{4}-\d{2}-\d{2}$' AND "hall_closures"."from_date" <= "hall_closures"."to_date")
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"date" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	CONSTRAINT "appointment_slots_template_date" UNIQUE("template_id","date"),
	CONSTRAINT "appointment_slots_counts" CHECK ("appointment_slots"."booked" >= 0 AND "appointment_slots"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointment_queue_counters" (
	"hall_id" uuid NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "appointment_queue_counters_hall_id_day_pk" PRIMARY KEY("hall_id","day")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"case_id" uuid,
	"date" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"check_in_code" text NOT NULL,
	"queue_seq" integer,
	"queue_number" text,
	"checked_in_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"called_window" text,
	"served_at" timestamp with time zone,
	"no_show_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_kind" text,
	"cancel_reason" text,
	"rescheduled_to" uuid,
	"reminded_day_before_at" timestamp with time zone,
	"reminded_hour_before_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_check_in_code_unique" UNIQUE("check_in_code"),
	CONSTRAINT "appointments_status" CHECK ("appointments"."status" IN ('booked', 'cancelled', 'checkedIn', 'served', 'noShow')),
	CONSTRAINT "appointments_cancel_kind" CHECK ("appointments"."cancel_kind" IS NULL OR "appointments"."cancel_kind" IN ('citizen', 'rescheduled', 'closure'))
);
--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_materials" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_promised_on" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tolerance_fulfilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_kind" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" text;--> statement-breakpoint
ALTER TABLE "subscription_credits" ADD CONSTRAINT "subscription_credits_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "appointment_slot_templates" ADD CONSTRAINT "appointment_slot_templates_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot_templates" ADD CONSTRAINT "appointment_slot_templates_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot_templates" ADD CONSTRAINT "appointment_slot_templates_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_closures" ADD CONSTRAINT "hall_closures_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_closures" ADD CONSTRAINT "hall_closures_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_template_id_appointment_slot_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."appointment_slot_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_queue_counters" ADD CONSTRAINT "appointment_queue_counters_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_due" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_created" ON "notification_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bundle_members_matter" ON "bundle_members" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "prereviews_citizen" ON "prereviews" USING btree ("citizen_id","updated_at");--> statement-breakpoint
CREATE INDEX "prereview_parts_queue" ON "prereview_parts" USING btree ("department_id","status","due_at");--> statement-breakpoint
CREATE INDEX "prereview_files_material" ON "prereview_files" USING btree ("prereview_id","slot_key");--> statement-breakpoint
CREATE INDEX "prereview_events_prereview" ON "prereview_events" USING btree ("prereview_id","at");--> statement-breakpoint
CREATE INDEX "appointment_slot_templates_matter" ON "appointment_slot_templates" USING btree ("matter_id","weekday");--> statement-breakpoint
CREATE INDEX "hall_closures_hall" ON "hall_closures" USING btree ("hall_id","to_date");--> statement-breakpoint
CREATE INDEX "appointment_slots_matter_date" ON "appointment_slots" USING btree ("matter_id","date");--> statement-breakpoint
CREATE INDEX "appointment_slots_hall_date" ON "appointment_slots" USING btree ("hall_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_per_day" ON "appointments" USING btree ("citizen_id","matter_id","date") WHERE "appointments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_citizen" ON "appointments" USING btree ("citizen_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_slot" ON "appointments" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "appointments_hall_day" ON "appointments" USING btree ("hall_id","date","status");--> statement-breakpoint
CREATE INDEX "appointments_due" ON "appointments" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_no_shows" ON "appointments" USING btree ("citizen_id","date") WHERE "appointments"."status" = 'noShow';
; function %add3(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = iadd v0, v1
;     v3 = iadd_imm v2, 40
;     return v3
; }
%add3:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x18
   a: mov QWORD PTR [rbp-0x10],rdi
   e: mov QWORD PTR [rbp-0x18],rsi
  12: mov rdi,QWORD PTR [rip+0x977] # 0x990
  19: call QWORD PTR [rip+0x979] # 0x998
  1f: xor r15d,r15d
  22: test rax,rax
  25: je 0x2f
  2b: mov r15,QWORD PTR [rax+0x10]
  2f: mov rdi,QWORD PTR [rbp-0x10]
  33: mov rsi,QWORD PTR [rbp-0x18]
  37: call 0x45
  3c: mov r15,QWORD PTR [rbp-0x8]
  40: mov rsp,rbp
  43: pop rbp
  44: ret
  45: push rbp
  46: mov rbp,rsp
  49: cmp rsp,r15
  4c: jb 0x5f
  52: lea rax,[rdi+rsi*1]
  56: lea rax,[rax+0x28]
  5a: mov rsp,rbp
  5d: pop rbp
  5e: ret
  5f: mov eax,0x7
  64: jmp 0x944

; function %sub_imm(i32) -> i32 {
; block0(v0: i32):
;     v1 = iconst.i32 7
;     v2 = isub v0, v1
;     return v2
; }
%sub_imm:
  70: push rbp
  71: mov rbp,rsp
  74: push r15
  76: sub rsp,0x8
  7a: mov QWORD PTR [rbp-0x10],rdi
  7e: mov rdi,QWORD PTR [rip+0x90b] # 0x990
  85: call QWORD PTR [rip+0x90d] # 0x998
  8b: xor r15d,r15d
  8e: test rax,rax
  91: je 0x9b
  97: mov r15,QWORD PTR [rax+0x10]
  9b: mov rdi,QWORD PTR [rbp-0x10]
  9f: call 0xad
  a4: mov r15,QWORD PTR [rbp-0x8]
  a8: mov rsp,rbp
  ab: pop rbp
  ac: ret
  ad: push rbp
  ae: mov rbp,rsp
  b1: cmp rsp,r15
  b4: jb 0xc5
  ba: lea eax,[rdi-0x7]
  bd: movsxd rax,eax
  c0: mov rsp,rbp
  c3: pop rbp
  c4: ret
  c5: mov eax,0x7
  ca: jmp 0x944

; function %big_imm(i64) -> i64 {
; block0(v0: i64):
;     v1 = iconst.i64 78187493530
;     v2 = band v0, v1
;     return v2
; }
%big_imm:
  d0: push rbp
  d1: mov rbp,rsp
  d4: push r15
  d6: sub rsp,0x8
  da: mov QWORD PTR [rbp-0x10],rdi
  de: mov rdi,QWORD PTR [rip+0x8ab] # 0x990
  e5: call QWORD PTR [rip+0x8ad] # 0x998
  eb: xor r15d,r15d
  ee: test rax,rax
  f1: je 0xfb
  f7: mov r15,QWORD PTR [rax+0x10]
  fb: mov rdi,QWORD PTR [rbp-0x10]
  ff: call 0x10d
 104: mov r15,QWORD PTR [rbp-0x8]
 108: mov rsp,rbp
 10b: pop rbp
 10c: ret
 10d: push rbp
 10e: mov rbp,rsp
 111: cmp rsp,r15
 114: jb 0x132
 11a: movabs rax,0x123456789a
 124: mov rcx,rdi
 127: and rcx,rax
 12a: mov rax,rcx
 12d: mov rsp,rbp
 130: pop rbp
 131: ret
 132: mov eax,0x7
 137: jmp 0x944

; function %mul_imm(i64) -> i64 {
; block0(v0: i64):
;     v1 = imul_imm v0, 10
;     return v1
; }
%mul_imm:
 140: push rbp
 141: mov rbp,rsp
 144: push r15
 146: sub rsp,0x8
 14a: mov QWORD PTR [rbp-0x10],rdi
 14e: mov rdi,QWORD PTR [rip+0x83b] # 0x990
 155: call QWORD PTR [rip+0x83d] # 0x998
 15b: xor r15d,r15d
 15e: test rax,rax
 161: je 0x16b
 167: mov r15,QWORD PTR [rax+0x10]
 16b: mov rdi,QWORD PTR [rbp-0x10]
 16f: call 0x17d
 174: mov r15,QWORD PTR [rbp-0x8]
 178: mov rsp,rbp
 17b: pop rbp
 17c: ret
 17d: push rbp
 17e: mov rbp,rsp
 181: cmp rsp,r15
 184: jb 0x193
 18a: imul rax,rdi,0xa
 18e: mov rsp,rbp
 191: pop rbp
 192: ret
 193: mov eax,0x7
 198: jmp 0x944

; function %sdiv64(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = sdiv v0, v1
;     return v2
; }
%sdiv64:
 1a0: push rbp
 1a1: mov rbp,rsp
 1a4: push r15
 1a6: sub rsp,0x18
 1aa: mov QWORD PTR [rbp-0x10],rdi
 1ae: mov QWORD PTR [rbp-0x18],rsi
 1b2: mov rdi,QWORD PTR [rip+0x7d7] # 0x990
 1b9: call QWORD PTR [rip+0x7d9] # 0x998
 1bf: xor r15d,r15d
 1c2: test rax,rax
 1c5: je 0x1cf
 1cb: mov r15,QWORD PTR [rax+0x10]
 1cf: mov rdi,QWORD PTR [rbp-0x10]
 1d3: mov rsi,QWORD PTR [rbp-0x18]
 1d7: call 0x1e5
 1dc: mov r15,QWORD PTR [rbp-0x8]
 1e0: mov rsp,rbp
 1e3: pop rbp
 1e4: ret
 1e5: push rbp
 1e6: mov rbp,rsp
 1e9: cmp rsp,r15
 1ec: jb 0x223
 1f2: mov rax,rdi
 1f5: mov rcx,rsi
 1f8: test rcx,rcx
 1fb: je 0x22d
 201: cmp rcx,0xffffffffffffffff
 205: jne 0x219
 20b: neg rax
 20e: jo 0x237
 214: jmp 0x21e
 219: cqo
 21b: idiv rcx
 21e: mov rsp,rbp
 221: pop rbp
 222: ret
 223: mov eax,0x7
 228: jmp 0x944
 22d: mov eax,0x1
 232: jmp 0x944
 237: mov eax,0x2
 23c: jmp 0x944

; function %srem8(i8, i8) -> i8 {
; block0(v0: i8, v1: i8):
;     v2 = srem v0, v1
;     return v2
; }
%srem8:
 250: push rbp
 251: mov rbp,rsp
 254: push r15
 256: sub rsp,0x18
 25a: mov QWORD PTR [rbp-0x10],rdi
 25e: mov QWORD PTR [rbp-0x18],rsi
 262: mov rdi,QWORD PTR [rip+0x727] # 0x990
 269: call QWORD PTR [rip+0x729] # 0x998
 26f: xor r15d,r15d
 272: test rax,rax
 275: je 0x27f
 27b: mov r15,QWORD PTR [rax+0x10]
 27f: mov rdi,QWORD PTR [rbp-0x10]
 283: mov rsi,QWORD PTR [rbp-0x18]
 287: call 0x295
 28c: mov r15,QWORD PTR [rbp-0x8]
 290: mov rsp,rbp
 293: pop rbp
 294: ret
 295: push rbp
 296: mov rbp,rsp
 299: cmp rsp,r15
 29c: jb 0x2d0
 2a2: mov rax,rdi
 2a5: movsx ecx,sil
 2a9: movsx eax,al
 2ac: test ecx,ecx
 2ae: je 0x2da
 2b4: cmp ecx,0xffffffff
 2b7: jne 0x2c4
 2bd: xor edx,edx
 2bf: jmp 0x2c7
 2c4: cdq
 2c5: idiv ecx
 2c7: movsx rax,dl
 2cb: mov rsp,rbp
 2ce: pop rbp
 2cf: ret
 2d0: mov eax,0x7
 2d5: jmp 0x944
 2da: mov eax,0x1
 2df: jmp 0x944

; function %shl16(i16, i16) -> i16 {
; block0(v0: i16, v1: i16):
;     v2 = ishl v0, v1
;     return v2
; }
%shl16:
 2f0: push rbp
 2f1: mov rbp,rsp
 2f4: push r15
 2f6: sub rsp,0x18
 2fa: mov QWORD PTR [rbp-0x10],rdi
 2fe: mov QWORD PTR [rbp-0x18],rsi
 302: mov rdi,QWORD PTR [rip+0x687] # 0x990
 309: call QWORD PTR [rip+0x689] # 0x998
 30f: xor r15d,r15d
 312: test rax,rax
 315: je 0x31f
 31b: mov r15,QWORD PTR [rax+0x10]
 31f: mov rdi,QWORD PTR [rbp-0x10]
 323: mov rsi,QWORD PTR [rbp-0x18]
 327: call 0x335
 32c: mov r15,QWORD PTR [rbp-0x8]
 330: mov rsp,rbp
 333: pop rbp
 334: ret
 335: push rbp
 336: mov rbp,rsp
 339: cmp rsp,r15
 33c: jb 0x352
 342: mov ecx,esi
 344: and ecx,0xf
 347: shl edi,cl
 349: movsx rax,di
 34d: mov rsp,rbp
 350: pop rbp
 351: ret
 352: mov eax,0x7
 357: jmp 0x944

; function %sshr8(i8, i8) -> i8 {
; block0(v0: i8, v1: i8):
;     v2 = sshr v0, v1
;     return v2
; }
%sshr8:
 360: push rbp
 361: mov rbp,rsp
 364: push r15
 366: sub rsp,0x18
 36a: mov QWORD PTR [rbp-0x10],rdi
 36e: mov QWORD PTR [rbp-0x18],rsi
 372: mov rdi,QWORD PTR [rip+0x617] # 0x990
 379: call QWORD PTR [rip+0x619] # 0x998
 37f: xor r15d,r15d
 382: test rax,rax
 385: je 0x38f
 38b: mov r15,QWORD PTR [rax+0x10]
 38f: mov rdi,QWORD PTR [rbp-0x10]
 393: mov rsi,QWORD PTR [rbp-0x18]
 397: call 0x3a5
 39c: mov r15,QWORD PTR [rbp-0x8]
 3a0: mov rsp,rbp
 3a3: pop rbp
 3a4: ret
 3a5: push rbp
 3a6: mov rbp,rsp
 3a9: cmp rsp,r15
 3ac: jb 0x3c6
 3b2: mov ecx,esi
 3b4: and ecx,0x7
 3b7: movsx edi,dil
 3bb: sar edi,cl
 3bd: movsx rax,dil
 3c1: mov rsp,rbp
 3c4: pop rbp
 3c5: ret
 3c6: mov eax,0x7
 3cb: jmp 0x944

; function %rotl32(i32, i32) -> i32 {
; block0(v0: i32, v1: i32):
;     v2 = rotl v0, v1
;     return v2
; }
%rotl32:
 3d0: push rbp
 3d1: mov rbp,rsp
 3d4: push r15
 3d6: sub rsp,0x18
 3da: mov QWORD PTR [rbp-0x10],rdi
 3de: mov QWORD PTR [rbp-0x18],rsi
 3e2: mov rdi,QWORD PTR [rip+0x5a7] # 0x990
 3e9: call QWORD PTR [rip+0x5a9] # 0x998
 3ef: xor r15d,r15d
 3f2: test rax,rax
 3f5: je 0x3ff
 3fb: mov r15,QWORD PTR [rax+0x10]
 3ff: mov rdi,QWORD PTR [rbp-0x10]
 403: mov rsi,QWORD PTR [rbp-0x18]
 407: call 0x415
 40c: mov r15,QWORD PTR [rbp-0x8]
 410: mov rsp,rbp
 413: pop rbp
 414: ret
 415: push rbp
 416: mov rbp,rsp
 419: cmp rsp,r15
 41c: jb 0x42f
 422: mov rcx,rsi
 425: rol edi,cl
 427: movsxd rax,edi
 42a: mov rsp,rbp
 42d: pop rbp
 42e: ret
 42f: mov eax,0x7
 434: jmp 0x944

; function %lt(i32, i32) -> i8 {
; block0(v0: i32, v1: i32):
;     v2 = icmp slt v0, v1
;     return v2
; }
%lt:
 440: push rbp
 441: mov rbp,rsp
 444: push r15
 446: sub rsp,0x18
 44a: mov QWORD PTR [rbp-0x10],rdi
 44e: mov QWORD PTR [rbp-0x18],rsi
 452: mov rdi,QWORD PTR [rip+0x537] # 0x990
 459: call QWORD PTR [rip+0x539] # 0x998
 45f: xor r15d,r15d
 462: test rax,rax
 465: je 0x46f
 46b: mov r15,QWORD PTR [rax+0x10]
 46f: mov rdi,QWORD PTR [rbp-0x10]
 473: mov rsi,QWORD PTR [rbp-0x18]
 477: call 0x485
 47c: mov r15,QWORD PTR [rbp-0x8]
 480: mov rsp,rbp
 483: pop rbp
 484: ret
 485: push rbp
 486: mov rbp,rsp
 489: cmp rsp,r15
 48c: jb 0x4a0
 492: cmp edi,esi
 494: setl al
 497: movsx rax,al
 49b: mov rsp,rbp
 49e: pop rbp
 49f: ret
 4a0: mov eax,0x7
 4a5: jmp 0x944

; function %max(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = icmp sgt v0, v1
;     v3 = select v2, v0, v1
;     return v3
; }
%max:
 4b0: push rbp
 4b1: mov rbp,rsp
 4b4: push r15
 4b6: sub rsp,0x18
 4ba: mov QWORD PTR [rbp-0x10],rdi
 4be: mov QWORD PTR [rbp-0x18],rsi
 4c2: mov rdi,QWORD PTR [rip+0x4c7] # 0x990
 4c9: call QWORD PTR [rip+0x4c9] # 0x998
 4cf: xor r15d,r15d
 4d2: test rax,rax
 4d5: je 0x4df
 4db: mov r15,QWORD PTR [rax+0x10]
 4df: mov rdi,QWORD PTR [rbp-0x10]
 4e3: mov rsi,QWORD PTR [rbp-0x18]
 4e7: call 0x4f5
 4ec: mov r15,QWORD PTR [rbp-0x8]
 4f0: mov rsp,rbp
 4f3: pop rbp
 4f4: ret
 4f5: push rbp
 4f6: mov rbp,rsp
 4f9: cmp rsp,r15
 4fc: jb 0x511
 502: mov rax,rsi
 505: cmp rdi,rsi
 508: cmovg rax,rdi
 50c: mov rsp,rbp
 50f: pop rbp
 510: ret
 511: mov eax,0x7
 516: jmp 0x944

; function %add_ovf8(i8, i8) -> i8 {
; block0(v0: i8, v1: i8):
;     v2, v3 = iadd_overflow v0, v1
;     return v3
; }
%add_ovf8:
 520: push rbp
 521: mov rbp,rsp
 524: push r15
 526: sub rsp,0x18
 52a: mov QWORD PTR [rbp-0x10],rdi
 52e: mov QWORD PTR [rbp-0x18],rsi
 532: mov rdi,QWORD PTR [rip+0x457] # 0x990
 539: call QWORD PTR [rip+0x459] # 0x998
 53f: xor r15d,r15d
 542: test rax,rax
 545: je 0x54f
 54b: mov r15,QWORD PTR [rax+0x10]
 54f: mov rdi,QWORD PTR [rbp-0x10]
 553: mov rsi,QWORD PTR [rbp-0x18]
 557: call 0x565
 55c: mov r15,QWORD PTR [rbp-0x8]
 560: mov rsp,rbp
 563: pop rbp
 564: ret
 565: push rbp
 566: mov rbp,rsp
 569: cmp rsp,r15
 56c: jb 0x581
 572: add dil,sil
 575: seto al
 578: movsx rax,al
 57c: mov rsp,rbp
 57f: pop rbp
 580: ret
 581: mov eax,0x7
 586: jmp 0x944

; function %widen(i16) -> i64 {
; block0(v0: i16):
;     v1 = uextend.i64 v0
;     return v1
; }
%widen:
 590: push rbp
 591: mov rbp,rsp
 594: push r15
 596: sub rsp,0x8
 59a: mov QWORD PTR [rbp-0x10],rdi
 59e: mov rdi,QWORD PTR [rip+0x3eb] # 0x990
 5a5: call QWORD PTR [rip+0x3ed] # 0x998
 5ab: xor r15d,r15d
 5ae: test rax,rax
 5b1: je 0x5bb
 5b7: mov r15,QWORD PTR [rax+0x10]
 5bb: mov rdi,QWORD PTR [rbp-0x10]
 5bf: call 0x5cd
 5c4: mov r15,QWORD PTR [rbp-0x8]
 5c8: mov rsp,rbp
 5cb: pop rbp
 5cc: ret
 5cd: push rbp
 5ce: mov rbp,rsp
 5d1: cmp rsp,r15
 5d4: jb 0x5e2
 5da: movzx eax,di
 5dd: mov rsp,rbp
 5e0: pop rbp
 5e1: ret
 5e2: mov eax,0x7
 5e7: jmp 0x944

